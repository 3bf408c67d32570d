package io.ankirag.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(new DisplayName("  Alice Smith \n").value()).isEqualTo("Alice Smith");
    }

    @Test
    void keepsTheCaseAsGiven() {
        assertThat(new DisplayName("aLiCe")).hasToString("aLiCe");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingOrBlankName(String blank) {
        assertRejected(blank);
    }

    @Test
    void acceptsExactly100Characters() {
        assertThat(new DisplayName("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void rejectsMoreThan100Characters() {
        assertRejected("x".repeat(101));
    }

    @Test
    void countsTheLimitAfterTrimming() {
        assertThat(new DisplayName("  " + "x".repeat(100) + "  ").value()).hasSize(100);
    }

    @Test
    void countsCodePointsSoThatEmojiAreOneCharacterEach() {
        assertThat(new DisplayName("😀".repeat(100)).value()).hasSize(200);
        assertRejected("😀".repeat(101));
    }

    @Test
    void orDefaultUsesTheRequestedNameWhenGiven() {
        assertThat(DisplayName.orDefault(" Alice ", new Email("someone@example.com")))
                .isEqualTo(new DisplayName("Alice"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void orDefaultFallsBackToTheEmailLocalPart(String notGiven) {
        assertThat(DisplayName.orDefault(notGiven, new Email("Alice.Smith@Example.com")))
                .isEqualTo(new DisplayName("alice.smith"));
    }

    @Test
    void orDefaultCutsAnOverlongLocalPartTo100Characters() {
        Email email = new Email("a".repeat(150) + "@example.com");

        assertThat(DisplayName.orDefault(null, email).value()).isEqualTo("a".repeat(100));
    }

    @Test
    void orDefaultStillValidatesTheRequestedName() {
        assertThatThrownBy(() -> DisplayName.orDefault("x".repeat(101), new Email("a@example.com")))
                .isInstanceOf(DomainException.class);
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> new DisplayName(raw))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REQ_002);
    }
}
