package io.ankirag.domain.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeckDescriptionTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void aBlankDescriptionIsNone(String blank) {
        assertThat(new DeckDescription(blank)).isEqualTo(DeckDescription.NONE);
        assertThat(DeckDescription.NONE.value()).isNull();
    }

    @Test
    void aDescriptionIsTrimmed() {
        assertThat(new DeckDescription("\n Irregular verbs  ").value()).isEqualTo("Irregular verbs");
    }

    @Test
    void aDescriptionMayBeExactlyTheMaximumLengthOnceTrimmed() {
        String longest = "x".repeat(DeckDescription.MAX_LENGTH);

        assertThat(new DeckDescription(" " + longest + "\n").value()).isEqualTo(longest);
    }

    @Test
    void aDescriptionLongerThanTheMaximumIsRefused() {
        assertThatThrownBy(() -> new DeckDescription("x".repeat(DeckDescription.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining("at most 10000");
    }
}
