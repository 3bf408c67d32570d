package io.ankirag.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateTagsTest {

    @Test
    void findsClozeFieldsBehindOtherFilters() {
        assertThat(TemplateTags.clozeFields("{{cloze:Text}} {{type:cloze:Extra}} {{text:Other}} {{#Text}}x{{/Text}}"))
                .containsExactly("Text", "Extra");
    }
}
