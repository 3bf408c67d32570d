package io.ankirag.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void findsSingleBracedPlaceholdersInOrderOnce() {
        var template = new PromptTemplate("Create {num_cards} cards about {topic}. Again: {topic}.");

        assertThat(template.placeholders()).containsExactly("num_cards", "topic");
    }

    @Test
    void leavesDoubledBracesAndJsonAlone() {
        var template = new PromptTemplate("Fill {{Front}} and answer as {\"front\": \"...\"} or { topic } or {1x}.");

        assertThat(template.placeholders()).isEmpty();
        assertThat(template.render(Map.of("Front", "x", "topic", "y"))).isEqualTo(template.text());
    }

    @Test
    void rendersValuesAndEmptiesPlaceholdersWithoutOne() {
        var template = new PromptTemplate("About {topic} in {language}.");

        assertThat(template.render(Map.of("topic", "asyncio $1 \\n"))).isEqualTo("About asyncio $1 \\n in .");
    }
}
