package io.ankirag.domain.template.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cloze deletions in a field's text, parsed and revealed the way Anki's {@code cloze.rs} does it. */
final class Cloze {

    /** Anki stops nesting here: deeper openings are dropped, yet their closing braces still close a level. */
    private static final int MAX_DEPTH = 10;

    private sealed interface Part {}

    private record Text(String text) implements Part {}

    /** {@code hint} is null when the deletion has none. */
    private record Deletion(int ordinal, List<Part> parts, String hint) implements Part {

        String hintOrEllipsis() {
            return hint == null ? "..." : hint;
        }

        String answer() {
            StringBuilder out = new StringBuilder();
            for (Part part : parts) {
                out.append(part instanceof Deletion inner ? inner.answer() : ((Text) part).text());
            }
            return out.toString();
        }
    }

    private static final class OpenDeletion {
        final int ordinal;
        final List<Part> parts = new ArrayList<>();
        String hint;

        OpenDeletion(int ordinal) {
            this.ordinal = ordinal;
        }
    }

    private record Opening(int ordinal, int end) {}

    private Cloze() {}

    /** The cloze numbers in the text; {@code c0} and anything nested inside it do not count, as in Anki. */
    static Set<Integer> ordinals(String text) {
        Set<Integer> ordinals = new HashSet<>();
        addOrdinals(parse(text), ordinals);
        return ordinals;
    }

    /**
     * The {@code cloze:} filter: the asked deletion hidden on the question (its content kept in {@code data-cloze}
     * for Anki's reveal-on-click), shown on the answer; the others shown as inactive. Text without the asked
     * ordinal renders as empty, which is how Anki blanks a card whose deletion was removed.
     */
    static String reveal(String text, int ordinal, boolean question) {
        StringBuilder out = new StringBuilder();
        boolean[] found = {false};
        for (Part part : parse(text)) {
            switch (part) {
                case Text t -> out.append(t.text());
                case Deletion d -> reveal(d, ordinal, question, found, out);
            }
        }
        return found[0] ? out.toString() : "";
    }

    /** The text as it reads with every deletion answered: {@code {{c1::Paris::city}}} becomes {@code Paris}. */
    static String answered(String text) {
        StringBuilder out = new StringBuilder();
        for (Part part : parse(text)) {
            out.append(part instanceof Deletion d ? d.answer() : ((Text) part).text());
        }
        return out.toString();
    }

    /** The {@code cloze-only:} filter: just the asked deletions' hints or answers, comma separated. */
    static String revealOnly(String text, int ordinal, boolean question) {
        return String.join(", ", askedTexts(text, ordinal, question));
    }

    /** The expected answer for {@code type:cloze:}; identical deletions collapse into one, as in Anki. */
    static String forTyping(String text, int ordinal) {
        List<String> answers = askedTexts(text, ordinal, false);
        if (!answers.isEmpty() && answers.stream().distinct().count() == 1) {
            return answers.getFirst();
        }
        return String.join(", ", answers);
    }

    private static void reveal(Deletion deletion, int ordinal, boolean question, boolean[] found, StringBuilder out) {
        boolean active = deletion.ordinal() == ordinal;
        found[0] |= active;
        if (question && active) {
            StringBuilder hidden = new StringBuilder();
            revealParts(deletion, ordinal, true, found, hidden);
            out.append("<span class=\"cloze\" data-cloze=\"").append(Html.encodeAttribute(hidden.toString()))
                    .append("\" data-ordinal=\"").append(deletion.ordinal()).append("\">[")
                    .append(deletion.hintOrEllipsis()).append("]</span>");
            return;
        }
        out.append(active ? "<span class=\"cloze\"" : "<span class=\"cloze-inactive\"")
                .append(" data-ordinal=\"").append(deletion.ordinal()).append("\">");
        revealParts(deletion, ordinal, question, found, out);
        out.append("</span>");
    }

    private static void revealParts(Deletion deletion, int ordinal, boolean question, boolean[] found,
            StringBuilder out) {
        for (Part part : deletion.parts()) {
            switch (part) {
                case Text t -> out.append(t.text());
                case Deletion inner -> reveal(inner, ordinal, question, found, out);
            }
        }
    }

    private static List<String> askedTexts(String text, int ordinal, boolean question) {
        List<String> texts = new ArrayList<>();
        collectAsked(parse(text), ordinal, question, texts);
        return texts;
    }

    private static void collectAsked(List<Part> parts, int ordinal, boolean question, List<String> out) {
        for (Part part : parts) {
            if (part instanceof Deletion d) {
                if (d.ordinal() == ordinal) {
                    out.add(question ? d.hintOrEllipsis() : d.answer());
                }
                collectAsked(d.parts(), ordinal, question, out);
            }
        }
    }

    private static void addOrdinals(List<Part> parts, Set<Integer> out) {
        for (Part part : parts) {
            if (part instanceof Deletion d && d.ordinal() != 0) {
                out.add(d.ordinal());
                addOrdinals(d.parts(), out);
            }
        }
    }

    /**
     * Splits the text at {@code {{cN::} openings and {@code }}} closings. The first {@code ::} in a run of text
     * inside a deletion starts its hint. Closings with nothing open stay as text; deletions never closed are
     * dropped together with their content, both as in Anki.
     */
    private static List<Part> parse(String text) {
        List<Part> top = new ArrayList<>();
        Deque<OpenDeletion> open = new ArrayDeque<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Opening opening = openingAt(text, i);
            boolean closing = opening == null && text.startsWith("}}", i);
            if (opening == null && !closing) {
                run.append(text.charAt(i++));
                continue;
            }
            if (!run.isEmpty()) {
                addText(run.toString(), top, open);
                run.setLength(0);
            }
            if (opening != null) {
                if (open.size() < MAX_DEPTH) {
                    open.push(new OpenDeletion(opening.ordinal()));
                }
                i = opening.end();
            } else {
                close(top, open);
                i += 2;
            }
        }
        if (!run.isEmpty()) {
            addText(run.toString(), top, open);
        }
        return top;
    }

    private static void addText(String text, List<Part> top, Deque<OpenDeletion> open) {
        OpenDeletion current = open.peek();
        if (current == null) {
            top.add(new Text(text));
            return;
        }
        int separator = text.indexOf("::");
        if (separator >= 0) {
            current.hint = text.substring(separator + 2);
            text = text.substring(0, separator);
        }
        current.parts.add(new Text(text));
    }

    private static void close(List<Part> top, Deque<OpenDeletion> open) {
        OpenDeletion closed = open.poll();
        if (closed == null) {
            top.add(new Text("}}"));
            return;
        }
        Deletion deletion = new Deletion(closed.ordinal, List.copyOf(closed.parts), closed.hint);
        OpenDeletion parent = open.peek();
        (parent == null ? top : parent.parts).add(deletion);
    }

    /** {@code {{c<digits>::} where the number fits Anki's 16 bits; otherwise it is plain text. */
    private static Opening openingAt(String text, int i) {
        if (!text.startsWith("{{c", i)) {
            return null;
        }
        int digitsEnd = i + 3;
        while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        String digits = text.substring(i + 3, digitsEnd).replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty() || digits.length() > 5 || !text.startsWith("::", digitsEnd)) {
            return null;
        }
        int ordinal = Integer.parseInt(digits);
        return ordinal > 0xFFFF ? null : new Opening(ordinal, digitsEnd + 2);
    }
}
