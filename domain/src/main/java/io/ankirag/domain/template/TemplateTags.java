package io.ankirag.domain.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which fields a template shows through Anki's cloze filter, which decides whether it suits a cloze template. */
final class TemplateTags {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    private TemplateTags() {
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
}
