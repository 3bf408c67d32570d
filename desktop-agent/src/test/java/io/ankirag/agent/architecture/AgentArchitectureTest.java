package io.ankirag.agent.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent is a program of its own: no Spring, and of the server's code only the framework-free core (the push
 * plan and {@code PushExecutor}, the AnkiConnect port, ids and error codes) and the AnkiConnect client; never another
 * adapter or bootstrap. Bootstrap's rules say the reverse: nothing of the server depends on the agent.
 */
class AgentArchitectureTest {

    private static JavaClasses agent;

    @BeforeAll
    static void importAgent() {
        agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ankirag.agent");
    }

    @Test
    void usesNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(agent);
    }

    @Test
    void usesOfTheServerOnlyItsCoreAndTheAnkiConnectClient() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.ankirag..").and(resideOutsideOfPackages(
                        "io.ankirag.agent..", "io.ankirag.adapter.out.anki.ankiconnect..",
                        "io.ankirag.application..", "io.ankirag.domain..")))
                .check(agent);
    }
}
