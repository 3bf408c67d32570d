package io.ankirag.domain.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void answersEveryClozeAndDropsHints() {
        assertThat(AnkiTemplateRenderer.plainText("{{c1::Paris::city}} is the capital of {{c2::France}}"))
                .isEqualTo("Paris is the capital of France");
    }

    @Test
    void answersNestedClozes() {
        assertThat(AnkiTemplateRenderer.plainText("{{c1::outer {{c2::inner}} text}}")).isEqualTo("outer inner text");
    }

    @Test
    void stripsTagsAndDecodesEntities() {
        assertThat(AnkiTemplateRenderer.plainText("<b>Fish</b> &amp; chips<br><script>x()</script>"))
                .isEqualTo("Fish & chips");
    }

    @Test
    void leavesPlainTextAlone() {
        assertThat(AnkiTemplateRenderer.plainText("What does {{not a cloze}} mean?")).isEqualTo("What does {{not a cloze}} mean?");
    }
}
