package io.ankirag.adapter.out.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonAnswerTest {

    @Test
    void takesBareJsonAsItIs() {
        assertThat(JsonAnswer.extract("  {\"a\": [1, 2]}\n")).isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void takesJsonOutOfAMarkdownFence() {
        assertThat(JsonAnswer.extract("```json\n{\"a\": 1}\n```")).isEqualTo("{\"a\": 1}");
        assertThat(JsonAnswer.extract("```\n[1, 2]\n```")).isEqualTo("[1, 2]");
    }

    @Test
    void dropsAReasoningModelsThinkingBlock() {
        assertThat(JsonAnswer.extract("<think>\nThe user wants JSON.\n</think>\n\n{\"a\": 1}")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void refusesProseAroundJson() {
        assertThatThrownBy(() -> JsonAnswer.extract("Here you go: {\"a\": 1}"))
                .isInstanceOfSatisfying(LlmFailure.class, f -> {
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.reason()).startsWith("answered text that is not valid JSON").contains("Here you go");
                });
    }

    @Test
    void refusesJsonFollowedByMoreText() {
        assertThatThrownBy(() -> JsonAnswer.extract("{\"a\": 1} and that is all"))
                .isInstanceOf(LlmFailure.class);
    }

    @Test
    void refusesAnEmptyAnswer() {
        assertThatThrownBy(() -> JsonAnswer.extract("  ")).hasMessage("answered no JSON, only an empty text");
        assertThatThrownBy(() -> JsonAnswer.extract("<think>hmm</think>")).hasMessage("answered no JSON, only a thought");
    }
}
