package io.ankirag.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product obeys every rule, and every rule bites: each one is also run against {@code archfixture}, a
 * small test-only codebase that breaks it on purpose.
 */
class HexagonalArchitectureTest {

    private static JavaClasses product;
    private static JavaClasses brokenFixture;

    @BeforeAll
    static void importClasses() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ankirag");
        brokenFixture = new ClassFileImporter().importPackages("archfixture");
    }

    static Stream<ArchRule> productRules() {
        return Arrays.stream(ArchitectureRules.all("io.ankirag"));
    }

    static Stream<ArchRule> fixtureRules() {
        return Arrays.stream(ArchitectureRules.all("archfixture"));
    }

    @Test
    void importsEveryModule() {
        assertThat(product.stream().map(c -> c.getPackageName()).distinct())
                .anyMatch(p -> p.startsWith("io.ankirag.domain"))
                .anyMatch(p -> p.startsWith("io.ankirag.application"))
                .anyMatch(p -> p.startsWith("io.ankirag.adapter.in.rest"))
                .anyMatch(p -> p.startsWith("io.ankirag.adapter.out.persistence"))
                .anyMatch(p -> p.startsWith("io.ankirag.bootstrap"));
    }

    @ParameterizedTest(name = "product: {0}")
    @MethodSource("productRules")
    void productObeys(ArchRule rule) {
        rule.check(product);
    }

    @ParameterizedTest(name = "fixture breaks: {0}")
    @MethodSource("fixtureRules")
    void ruleCatchesTheFixturesViolation(ArchRule rule) {
        EvaluationResult result = rule.evaluate(brokenFixture);
        assertThat(result.hasViolation()).as("rule '%s' must report the fixture's violation", rule.getDescription()).isTrue();
    }
}
