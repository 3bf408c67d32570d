package io.ankirag.domain.template.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Anki's reviewer ({@code aqt/reviewer.py}) does with the {@code [[type:...]]} markers the type filter leaves:
 * the first marker on the question names the field; every marker becomes an answer box on the question and, on the
 * answer, the comparison with what was typed. A preview types nothing, so the comparison shows the expected answer.
 * Fonts come from the field's editor settings in Anki; these are Anki's defaults.
 */
final class TypeAnswer {

    private static final Pattern MARKER = Pattern.compile("\\[\\[type:(.+?)\\]\\]");
    private static final Pattern AV_TAGS =
            Pattern.compile("\\[sound:[^\\]]+\\]|\\[anki:tts[^\\]]*\\].*?\\[/anki:tts\\]", Pattern.DOTALL);
    private static final Pattern LINE_BREAKS =
            Pattern.compile("(?:\\n|<br\\s?/?>|</?div>)+", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String ANSWER_SEPARATOR = "<hr id=answer>";
    private static final String FONT = "font-family: 'Arial'; font-size: 20px";
    private static final String INPUT = """

            <center>
            <input type=text id=typeans onkeypress="_typeAnsPress();"
               style="%s;">
            </center>
            """.formatted(FONT);

    /** The expected answer; null when there is no marker or its field is unknown, empty when the field is. */
    private final String expected;
    private final String questionReplacement;

    private TypeAnswer(String expected, String questionReplacement) {
        this.expected = expected;
        this.questionReplacement = questionReplacement;
    }

    static TypeAnswer forQuestion(String question, Map<String, String> noteFields, int ordinal) {
        Matcher marker = MARKER.matcher(question);
        if (!marker.find()) {
            return new TypeAnswer(null, "");
        }
        String field = marker.group(1);
        boolean cloze = field.startsWith("cloze:");
        if (cloze || field.startsWith("nc:")) {
            field = secondSegment(field);
        }
        String expected = noteFields.get(field);
        if (expected != null && cloze) {
            expected = Cloze.forTyping(expected, ordinal);
            expected = expected.isEmpty() ? null : expected;
        }
        if (expected == null) {
            return new TypeAnswer(null, cloze ? "Please run Tools>Empty Cards" : "Type answer: unknown field " + field);
        }
        // an empty field removes the box
        return new TypeAnswer(expected, expected.isEmpty() ? "" : INPUT);
    }

    String onQuestion(String question) {
        return MARKER.matcher(question).replaceAll(Matcher.quoteReplacement(questionReplacement));
    }

    String onAnswer(String answer) {
        if (expected == null || expected.isEmpty()) {
            return MARKER.matcher(answer).replaceAll("");
        }
        // Anki moves the separator in front of the comparison, so that {{FrontSide}}'s box sits below it
        boolean hadSeparator = answer.contains(ANSWER_SEPARATOR);
        String comparison = (hadSeparator ? ANSWER_SEPARATOR : "") + "\n<div style=\"" + FONT + "\">"
                + "<code id=typeans>" + Html.encodeMinimal(stripExpected(expected)) + "</code></div>";
        return MARKER.matcher(answer.replace(ANSWER_SEPARATOR, "")).replaceAll(Matcher.quoteReplacement(comparison));
    }

    private static String stripExpected(String expected) {
        String withoutMedia = AV_TAGS.matcher(expected).replaceAll("");
        return Html.stripHtml(LINE_BREAKS.matcher(withoutMedia).replaceAll(" ")).strip();
    }

    private static String secondSegment(String marker) {
        int start = marker.indexOf(':') + 1;
        int end = marker.indexOf(':', start);
        return end < 0 ? marker.substring(start) : marker.substring(start, end);
    }
}
