package io.ankirag.application.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the model's answer as it streams in and hands out each card the moment its JSON object closes, so the
 * first card can be checked and saved while the model is still writing the rest.
 *
 * <p>The answer is {@code {"cards": [{...}, {...}]}} (or a bare array): every object directly inside an array at
 * the top two levels is a card. Text before the first bracket (a Markdown fence, a preamble) is ignored, and so is
 * everything after the outermost value closes.
 */
final class CardStream {

    /** One card as the model wrote it, or why its JSON could not be read. */
    record RawCard(Map<String, Object> members, String unreadable, String json) {
    }

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder containers = new StringBuilder(); // '{' and '[' currently open, outermost first
    private int scanned;
    private boolean started;
    private boolean done;
    private boolean inString;
    private boolean escaped;
    private int cardStart = -1;
    private int cardDepth;

    /** Takes the next piece of the answer; returns the cards that it completed, in order. */
    List<RawCard> feed(CharSequence delta) {
        text.append(delta);
        List<RawCard> cards = new ArrayList<>();
        for (; scanned < text.length() && !done; scanned++) {
            char c = text.charAt(scanned);
            if (!started) {
                if (c != '{' && c != '[') {
                    continue;
                }
                started = true;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (c == '{' && cardStart < 0 && !containers.isEmpty() && containers.length() <= 2
                            && containers.charAt(containers.length() - 1) == '[') {
                        cardStart = scanned;
                        cardDepth = containers.length() + 1;
                    }
                    containers.append(c);
                }
                case '}', ']' -> {
                    if (containers.isEmpty()) {
                        done = true;
                        continue;
                    }
                    if (c == '}' && cardStart >= 0 && containers.length() == cardDepth) {
                        cards.add(read(text.substring(cardStart, scanned + 1)));
                        cardStart = -1;
                    }
                    containers.setLength(containers.length() - 1);
                    if (containers.isEmpty()) {
                        done = true;
                    }
                }
                default -> {
                }
            }
        }
        return cards;
    }

    /** Everything received so far. */
    String text() {
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static RawCard read(String json) {
        try {
            return new RawCard((Map<String, Object>) Json.parse(json), null, json);
        } catch (IllegalArgumentException unreadable) {
            return new RawCard(null, "the card is not valid JSON: " + unreadable.getMessage(), json);
        }
    }
}
