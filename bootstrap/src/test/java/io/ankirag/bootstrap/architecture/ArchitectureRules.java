package io.ankirag.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's dependency rules, written against a root package so that the same rules can be shown to fail
 * on a deliberately broken fixture. Every rule names packages by wildcard: a new package or module under the
 * root is covered without touching this class.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain speaks plain Java: no Spring, Axon, Jackson, Jdbi, not even javax. */
    static ArchRule domainUsesOnlyTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("the domain depends on the JDK and itself only");
    }

    /** Use cases see the domain and their own ports, nothing technical. */
    static ArchRule applicationUsesOnlyDomainAndItself(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("the application depends on the JDK, the domain and itself only");
    }

    /** {@code adapter.in.rest} never calls {@code adapter.out.llm} and so on: adapters meet only through ports. */
    static ArchRule adaptersAreIndependentOfEachOther(String root) {
        return slices().matching(root + ".adapter.(*).(*)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .as("adapters do not depend on each other");
    }

    /** Wiring is bootstrap's job; nobody inside the hexagon or its adapters reaches for it. */
    static ArchRule onlyBootstrapSeesEverything(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing depends on bootstrap");
    }

    static ArchRule coreDoesNotKnowAdapters(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter..")
                .as("domain and application do not know adapters");
    }

    /** Out ports are interfaces named after a need ({@code LoadUserPort}), so adapters can implement them. */
    static ArchRule outPortsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".application.port.out..").and().areTopLevelClasses()
                .should().beInterfaces().andShould().haveSimpleNameEndingWith("Port")
                .allowEmptyShould(true)
                .as("out ports are interfaces named *Port");
    }

    /** In ports: use cases and queries are interfaces; the records beside them are their messages. */
    static ArchRule inPortsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().areTopLevelClasses()
                .and().haveSimpleNameEndingWith("UseCase").or().haveSimpleNameEndingWith("Query")
                .should().beInterfaces()
                .allowEmptyShould(true)
                .as("use cases and queries are interfaces");
    }

    /**
     * The desktop agent (module {@code desktop-agent}, package {@code agent}) runs on the learner's machine and talks
     * to the server over HTTP only; nothing of the server may depend on it. It is not on this module's class path,
     * so the rule guards against anyone adding it.
     */
    static ArchRule serverDoesNotKnowTheDesktopAgent(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".agent..")
                .should().dependOnClassesThat().resideInAPackage(root + ".agent..")
                .as("no server module depends on the desktop agent");
    }

    static ArchRule[] all(String root) {
        return new ArchRule[] {
                domainUsesOnlyTheJdk(root),
                applicationUsesOnlyDomainAndItself(root),
                adaptersAreIndependentOfEachOther(root),
                onlyBootstrapSeesEverything(root),
                coreDoesNotKnowAdapters(root),
                outPortsAreInterfaces(root),
                inPortsAreInterfaces(root),
                serverDoesNotKnowTheDesktopAgent(root),
        };
    }
}
