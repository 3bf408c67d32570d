package io.ankirag.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptContentTest {

    @Test
    void namesEveryProblemAtOnce() {
        assertThatThrownBy(() -> new PromptContent(null, null, " ", "", 2.5, 0))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQ_002);
                    assertThat(e.detail()).contains("category", "user_prompt_template", "variables_schema",
                            "temperature", "max_tokens");
                });
    }

    @Test
    void acceptsTheEdgesOfTheRanges() {
        assertThatCode(() -> content(0.0, 1)).doesNotThrowAnyException();
        assertThatCode(() -> content(2.0, 200_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> content(Double.NaN, 1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> content(-0.1, 1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> content(1.0, 200_001)).isInstanceOf(DomainException.class);
    }

    @Test
    void noSystemMessageIsEmpty() {
        assertThat(content(1.0, 10).systemPrompt()).isEmpty();
    }

    @Test
    void placeholdersOfBothTemplatesMustBeDeclared() {
        var content = new PromptContent(PromptCategory.CHAT, "Context: {context}", "{message} {extra}", "{}", 0.7, 100);

        assertThat(content.placeholders()).containsExactly("context", "message", "extra");
        assertThatCode(() -> content.requireDeclared(Set.of("context", "message", "extra", "unused"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> content.requireDeclared(Set.of("message")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQ_002);
                    assertThat(e.detail()).contains("{context}, {extra}");
                });
    }

    @Test
    void systemPromptsDeclareTheirPlaceholders() {
        for (var system : SystemPrompts.all()) {
            assertThat(system.content().placeholders()).as(system.name().value()).isNotEmpty()
                    .allSatisfy(name -> assertThat(system.content().variablesSchema()).contains("\"" + name + "\""));
        }
    }

    private static PromptContent content(double temperature, int maxTokens) {
        return new PromptContent(PromptCategory.GENERATION, null, "Hi", "{}", temperature, maxTokens);
    }
}
