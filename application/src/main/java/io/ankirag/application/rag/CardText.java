package io.ankirag.application.rag;

import io.ankirag.domain.template.render.AnkiTemplateRenderer;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What of a card search reads and embeds: its fields' plain text, clozes answered, one field per line. */
public final class CardText {

    /** Tags that separate words when rendered; dropping them outright would glue "line1<br>line2" together. */
    private static final Pattern BREAKING_TAG =
            Pattern.compile("(?i)<\\s*/?\\s*(br|div|p|li|ul|ol|tr|td|th|h[1-6]|hr)\\b[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private CardText() {
    }

    /** Empty when every field is empty (or only markup, such as an image). */
    public static String of(Map<String, String> fields) {
        return fields.values().stream()
                .filter(Objects::nonNull)
                .map(CardText::plain)
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static String plain(String field) {
        String spaced = BREAKING_TAG.matcher(field).replaceAll(" ");
        return SPACES.matcher(AnkiTemplateRenderer.plainText(spaced)).replaceAll(" ").strip();
    }
}
