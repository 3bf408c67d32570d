package io.ankirag.domain.template.render;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tokenizes and parses a card template into {@link Node}s, the way Anki's {@code template.rs} does. */
final class TemplateParser {

    /** Templates from very old Anki versions switch to {@code <% %>} delimiters with this prefix. */
    private static final String LEGACY_DIRECTIVE = "{{=<% %>=}}";
    private static final String COMMENT_START = "<!--";
    private static final String COMMENT_END = "-->";

    private enum Kind { TEXT, FIELD, OPEN, OPEN_INVERTED, CLOSE }

    private record Token(Kind kind, String value) {}

    private final String source;
    private final String open;
    private final String close;
    private final String side;
    private int pos;

    private TemplateParser(String template, String side) {
        String leading = template.stripLeading();
        if (leading.startsWith(LEGACY_DIRECTIVE)) {
            while (leading.startsWith(LEGACY_DIRECTIVE)) {
                leading = leading.substring(LEGACY_DIRECTIVE.length());
            }
            this.source = leading;
            this.open = "<%";
            this.close = "%>";
        } else {
            this.source = template;
            this.open = "{{";
            this.close = "}}";
        }
        this.side = side;
    }

    /** @param side "Front" or "Back" for error messages, or null when the side is unknown */
    static List<Node> parse(String template, String side) {
        return new TemplateParser(template, side).parseUntilClosed(null);
    }

    private List<Node> parseUntilClosed(Token opener) {
        List<Node> nodes = new ArrayList<>();
        for (Token token = next(); token != null; token = next()) {
            switch (token.kind()) {
                case TEXT -> nodes.add(new Node.Text(token.value()));
                case FIELD -> nodes.add(field(token.value()));
                case OPEN, OPEN_INVERTED -> nodes.add(
                        new Node.Section(token.value(), token.kind() == Kind.OPEN_INVERTED, parseUntilClosed(token)));
                case CLOSE -> {
                    if (opener != null && opener.value().equals(token.value())) {
                        return nodes;
                    }
                    String found = "'{{/" + token.value() + "}}'";
                    throw problem(opener == null
                            ? "found " + found + ", but missing '{{#" + token.value() + "}}' or '{{^" + token.value()
                                    + "}}' to open it"
                            : "found " + found + ", but expected '{{/" + opener.value() + "}}' to close '"
                                    + tag(opener) + "'");
                }
            }
        }
        if (opener != null) {
            throw problem("missing '{{/" + opener.value() + "}}' to close '" + tag(opener) + "'");
        }
        return nodes;
    }

    /** {@code key} is the part after the last colon; Anki ignores empty filter names (from "::"). */
    private static Node field(String handle) {
        List<String> parts = Arrays.asList(handle.split(":", -1));
        List<String> filters = new ArrayList<>(parts.subList(0, parts.size() - 1));
        return new Node.Field(parts.getLast(), List.copyOf(filters.reversed()));
    }

    private Token next() {
        if (pos >= source.length()) {
            return null;
        }
        int start = pos;
        while (pos < source.length()) {
            if (source.startsWith(open, pos)) {
                if (pos > start) {
                    return new Token(Kind.TEXT, source.substring(start, pos));
                }
                int end = source.indexOf(close, pos + open.length());
                if (end < 0) {
                    throw problem("missing '" + close + "' in '" + abbreviate(source.substring(pos)) + "'");
                }
                String handle = source.substring(pos + open.length(), end);
                pos = end + close.length();
                return classify(handle);
            }
            if (source.startsWith(COMMENT_START, pos)) {
                // HTML comments are kept as they are, handlebars inside them included
                int end = source.indexOf(COMMENT_END, pos + COMMENT_START.length());
                if (end >= 0) {
                    pos = end + COMMENT_END.length();
                    continue;
                }
            }
            pos++;
        }
        return new Token(Kind.TEXT, source.substring(start));
    }

    private static Token classify(String handle) {
        String trimmed = handle.replaceFirst("^\\{+", "").strip();
        if (trimmed.length() >= 2) {
            String rest = trimmed.substring(1).stripLeading();
            switch (trimmed.charAt(0)) {
                case '#' -> { return new Token(Kind.OPEN, rest); }
                case '^' -> { return new Token(Kind.OPEN_INVERTED, rest); }
                case '/' -> { return new Token(Kind.CLOSE, rest); }
                default -> { }
            }
        }
        return new Token(Kind.FIELD, trimmed);
    }

    private static String tag(Token opener) {
        return "{{" + (opener.kind() == Kind.OPEN ? "#" : "^") + opener.value() + "}}";
    }

    private static String abbreviate(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    private DomainException problem(String detail) {
        String prefix = side == null ? "Template" : side + " template";
        return new DomainException(ErrorCode.REQ_002, prefix + " has a problem: " + detail);
    }
}
