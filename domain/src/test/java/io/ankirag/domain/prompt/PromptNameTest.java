package io.ankirag.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptNameTest {

    @Test
    void keepsAnIdentifierAndDerivesTheSameIdEveryTime() {
        assertThat(new PromptName(" card_generator ").value()).isEqualTo("card_generator");
        assertThat(PromptId.of(new PromptName("card_generator"))).isEqualTo(PromptId.of(new PromptName("card_generator")));
        assertThat(PromptId.of(new PromptName("a"))).isNotEqualTo(PromptId.of(new PromptName("b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Card", "1st", "with space", "a/b", "ü"})
    void refusesWhatIsNotALowerCaseIdentifier(String name) {
        assertThatThrownBy(() -> new PromptName(name)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesOverlongNames() {
        assertThat(new PromptName("a".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new PromptName("a".repeat(101))).isInstanceOf(DomainException.class);
    }

    @Test
    void categoriesSpeakSnakeCase() {
        assertThat(PromptCategory.of("fact_check")).isEqualTo(PromptCategory.FACT_CHECK);
        assertThat(PromptCategory.CHAT.wireName()).isEqualTo("chat");
        assertThatThrownBy(() -> PromptCategory.of("FACT_CHECK")).isInstanceOf(DomainException.class)
                .hasMessageContaining("generation, fact_check, chat, improvement");
    }
}
