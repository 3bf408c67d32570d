package io.ankirag.domain.prompt;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {name}} placeholders, the single-brace syntax of spec 10.3 ({@code {num_cards}}).
 *
 * <p>Only a single-braced identifier is a placeholder. Doubled braces ({@code {{Front}}}, Anki's field syntax)
 * and any other braces ({@code {"front": "..."}} in an example of the expected output) are left as written,
 * so prompts can talk about templates and JSON without escaping.
 */
public record PromptTemplate(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\{)\\{([A-Za-z_][A-Za-z0-9_]*)}(?!})");

    public PromptTemplate {
        Objects.requireNonNull(text, "text");
    }

    /** The variables it refers to, in order of first appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Fills every placeholder with its value; one without a value becomes empty. */
    public String render(Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), "")));
    }
}
