package io.ankirag.domain.template.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Anki's built-in field filters ({@code template_filters.rs}). */
final class Filters {

    private static final Pattern FURIGANA = Pattern.compile(" ?([^ >]+?)\\[(.+?)\\]");
    private static final Pattern MATHJAX =
            Pattern.compile("(\\\\[(\\[])(.*?)(\\\\[\\])])", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private Filters() {}

    /**
     * Applies filters in order (already right to left). Unknown filters leave the text alone, as Anki does when no
     * add-on claims them.
     */
    static String apply(String text, List<String> filters, String field, int ordinal, boolean question) {
        String out = text;
        for (String filter : withTypeAnswerRules(filters)) {
            out = applyOne(filter, out, field, ordinal, question);
        }
        return out;
    }

    /** When {@code type} is the outermost filter it replaces the whole chain; only cloze and nc modify it. */
    private static List<String> withTypeAnswerRules(List<String> filters) {
        if (filters.isEmpty() || !filters.getLast().equals("type")) {
            return filters;
        }
        if (filters.equals(List.of("cloze", "type"))) {
            return List.of("type-cloze");
        }
        return filters.equals(List.of("nc", "type")) ? List.of("type-nc") : List.of("type");
    }

    private static String applyOne(String filter, String text, String field, int ordinal, boolean question) {
        return switch (filter) {
            case "text" -> Html.stripHtml(text);
            case "cloze" -> stripHtmlInsideMathJax(Cloze.reveal(text, ordinal, question));
            case "cloze-only" -> Cloze.revealOnly(text, ordinal, question);
            // the reviewer turns these markers into the answer box or the comparison; see TypeAnswer
            case "type" -> "[[type:" + field + "]]";
            case "type-cloze" -> "[[type:cloze:" + field + "]]";
            case "type-nc" -> "[[type:nc:" + field + "]]";
            case "hint" -> hint(text, field);
            case "furigana" -> ruby(text, m -> "<ruby><rb>" + m.group(1) + "</rb><rt>" + m.group(2) + "</rt></ruby>");
            case "kanji" -> ruby(text, m -> m.group(1));
            case "kana" -> ruby(text, m -> m.group(2));
            default -> filter.startsWith("tts ")
                    ? "[anki:tts lang=" + filter.substring(4) + "]" + text + "[/anki:tts]"
                    : text;
        };
    }

    private static String stripHtmlInsideMathJax(String text) {
        return MATHJAX.matcher(text).replaceAll(m -> quote(m.group(1) + Html.stripTagsKeepingEntities(m.group(2))
                + m.group(3)));
    }

    /** {@code 漢字[かんじ]} readings; {@code [sound:...]} references are left alone. */
    private static String ruby(String text, Function<MatchResult, String> replacement) {
        return FURIGANA.matcher(text.replace("&nbsp;", " ")).replaceAll(m -> quote(
                m.group(2).startsWith("sound:") ? m.group() : replacement.apply(m)));
    }

    /**
     * Anki's markup, byte for byte, except the DOM id: Anki takes it from a BLAKE3 hash of text and field name,
     * which the JDK lacks, so this uses SHA-256; it only has to be unique on the page.
     */
    private static String hint(String text, String field) {
        if (text.isBlank()) {
            return text;
        }
        String id = domId(text, field);
        return """

                <a class=hint href="#"
                onclick="this.style.display='none';
                document.getElementById('hint%s').style.display='block';
                return false;" draggable=false>
                %s</a>
                <div id="hint%s" class=hint style="display: none">%s</div>
                """.formatted(id, field, id, text);
    }

    private static String domId(String text, String field) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update(field.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static String quote(String replacement) {
        return Matcher.quoteReplacement(replacement);
    }
}
