package io.ankirag.domain.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads field names out of Anki template tags: enough to check a template, not to render one. */
final class TemplateTags {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Set<String> SPECIAL_FIELDS =
            Set.of("FrontSide", "Card", "CardFlag", "CardID", "Deck", "Subdeck", "Tags", "Type");
    private static final Pattern CLOZE_CONDITIONAL = Pattern.compile("c\\d+");

    private TemplateTags() {
    }

    /** Fields shown by {{Field}}, {{filter:Field}}, {{#Field}} or {{^Field}}, without Anki's special fields. */
    static Set<String> referencedFields(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher tags = TAG.matcher(template);
        while (tags.find()) {
            String tag = tags.group(1).strip();
            if (tag.startsWith("/")) {
                continue;
            }
            String name = fieldOf(tag.startsWith("#") || tag.startsWith("^") ? tag.substring(1) : tag);
            if (!name.isEmpty() && !SPECIAL_FIELDS.contains(name) && !CLOZE_CONDITIONAL.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Fields shown through the cloze filter, as in {{cloze:Text}} or {{type:cloze:Text}}. */
    static Set<String> clozeFields(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher tags = TAG.matcher(template);
        while (tags.find()) {
            String[] parts = tags.group(1).strip().split(":", -1);
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i].strip().equals("cloze")) {
                    names.add(parts[parts.length - 1].strip());
                }
            }
        }
        return names;
    }

    private static String fieldOf(String tag) {
        return tag.substring(tag.lastIndexOf(':') + 1).strip();
    }
}
