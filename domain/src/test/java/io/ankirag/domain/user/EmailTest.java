package io.ankirag.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void storesTheAddressTrimmedAndLowerCased() {
        assertThat(new Email("  Alice.Smith@Example.COM \t").value()).isEqualTo("alice.smith@example.com");
    }

    @Test
    void addressesThatDifferOnlyInCaseAndWhitespaceAreEqual() {
        assertThat(new Email("BOB@example.org ")).isEqualTo(new Email("bob@EXAMPLE.org"));
    }

    @Test
    void printsAsThePlainAddress() {
        assertThat(new Email("Carol@Example.com")).hasToString("carol@example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void rejectsMissingOrBlankEmail(String blank) {
        assertRejected(blank);
    }

    @Test
    void rejectsEmailWithoutAt() {
        assertRejected("alice.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@@example.com", "al@ice@example.com", "@example.com", "alice@", "alice@localhost",
            "alice@example.", "al ice@example.com", "alice@exa mple.com"})
    void rejectsMalformedEmail(String malformed) {
        assertRejected(malformed);
    }

    @Test
    void acceptsAnAddressOfExactly255Characters() {
        String atTheLimit = "a".repeat(255 - "@example.com".length()) + "@example.com";

        assertThat(new Email(atTheLimit).value()).hasSize(255);
    }

    @Test
    void rejectsEmailLongerThan255Characters() {
        assertRejected("a".repeat(256 - "@example.com".length()) + "@example.com");
    }

    @Test
    void surroundingWhitespaceDoesNotCountTowardsTheLengthLimit() {
        String atTheLimit = "a".repeat(255 - "@example.com".length()) + "@example.com";

        assertThat(new Email("   " + atTheLimit + "   ").value()).isEqualTo(atTheLimit);
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> new Email(raw))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REQ_002);
    }
}
