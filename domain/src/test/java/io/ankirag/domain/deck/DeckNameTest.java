package io.ankirag.domain.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeckNameTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void aBlankNameIsRefused(String blank) {
        assertRefused(blank, "blank");
    }

    @Test
    void aNameIsTrimmed() {
        assertThat(new DeckName("  Spanish verbs \n").value()).isEqualTo("Spanish verbs");
    }

    @Test
    void aNameMayBeExactlyTheMaximumLengthOnceTrimmed() {
        String longest = "x".repeat(DeckName.MAX_LENGTH);

        assertThat(new DeckName("  " + longest + "  ").value()).isEqualTo(longest);
    }

    @Test
    void aNameLongerThanTheMaximumIsRefused() {
        assertRefused("x".repeat(DeckName.MAX_LENGTH + 1), "at most 255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spanish::Verbs", "::Spanish", "Spanish::", "a:::b"})
    void aNameWithAnkisLevelSeparatorIsRefused(String nested) {
        assertRefused(nested, "'::'");
    }

    @Test
    void aSingleColonIsAllowed() {
        assertThat(new DeckName("C++: templates").value()).isEqualTo("C++: templates");
    }

    private static void assertRefused(String value, String detail) {
        assertThatThrownBy(() -> new DeckName(value))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining(detail);
    }
}
