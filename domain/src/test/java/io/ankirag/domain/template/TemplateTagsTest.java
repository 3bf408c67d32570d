package io.ankirag.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateTagsTest {

    @Test
    void findsFieldsInReplacementsFiltersAndSections() {
        String template = "{{#Extra}}<i>{{ text:Extra }}</i>{{/Extra}}{{^Audio}}none{{/Audio}}{{FrontSide}}{{Tags}}{{#c2}}x{{/c2}}{{Front}}";

        assertThat(TemplateTags.referencedFields(template)).containsExactly("Extra", "Audio", "Front");
    }

    @Test
    void findsClozeFieldsBehindOtherFilters() {
        assertThat(TemplateTags.clozeFields("{{cloze:Text}} {{type:cloze:Extra}} {{text:Other}}")).containsExactly("Text", "Extra");
    }
}
