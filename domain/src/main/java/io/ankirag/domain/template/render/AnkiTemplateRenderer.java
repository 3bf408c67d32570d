package io.ankirag.domain.template.render;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders Anki card templates as Anki does (rslib's {@code template.rs}, {@code cloze.rs} and
 * {@code template_filters.rs}, plus the reviewer's type-answer step), to preview cards before they reach Anki.
 *
 * <p>Where Anki would replace a whole side with an error, an unknown field instead renders inline as
 * {@code <span class="anki-error">unknown field X</span>}, so the rest of the card stays visible.
 */
public final class AnkiTemplateRenderer {

    private static final Set<String> SPECIAL_FIELDS =
            Set.of("FrontSide", "Card", "CardFlag", "CardID", "Deck", "Subdeck", "Tags", "Type");
    /** {@code {{#c2}}...{{/c2}}} is allowed in any note type; it is non-empty only on card 2. */
    private static final Pattern CLOZE_CONDITIONAL = Pattern.compile("c\\d+");
    private static final String MORE_INFO = "<br><a href='https://docs.ankiweb.net/templates/errors.html#%s'>"
            + "More information</a></div>";

    private AnkiTemplateRenderer() {}

    /**
     * Renders one card of a note. For cloze note types, clozeOrdinal (1-based) selects which deletion is asked; for
     * others pass 1. A note type counts as cloze when its front template uses the {@code cloze} filter.
     *
     * <p>As in Anki, a card that would be deleted as empty shows why: the question is what rendered followed by a
     * notice ("No cloze 3 found on card..." or "The front of this card is blank."), and the answer is the notice.
     *
     * @throws DomainException {@link ErrorCode#REQ_002} when a template is malformed
     */
    public static RenderedCard render(String frontTemplate, String backTemplate, Map<String, String> fields,
            int clozeOrdinal) {
        Objects.requireNonNull(frontTemplate, "frontTemplate");
        Objects.requireNonNull(backTemplate, "backTemplate");
        Objects.requireNonNull(fields, "fields");
        if (clozeOrdinal < 1) {
            throw new DomainException(ErrorCode.REQ_002, "The cloze ordinal counts from 1, but was " + clozeOrdinal);
        }
        List<Node> front = TemplateParser.parse(frontTemplate, "Front");
        List<Node> back = TemplateParser.parse(backTemplate, "Back");
        Map<String, String> values = withSpecialFields(fields, clozeOrdinal);
        Set<String> nonEmpty = new HashSet<>();
        values.forEach((name, value) -> {
            if (!Html.isEmptyField(value)) {
                nonEmpty.add(name);
            }
        });

        String question = new Renderer(values, nonEmpty, clozeOrdinal, null).render(front);
        TypeAnswer typing = TypeAnswer.forQuestion(question, fields, clozeOrdinal);
        String emptyCardNotice = emptyCardNotice(front, values, nonEmpty, clozeOrdinal);
        if (emptyCardNotice != null) {
            return new RenderedCard(typing.onQuestion(question) + emptyCardNotice, emptyCardNotice);
        }
        String answer = new Renderer(values, nonEmpty, clozeOrdinal, question).render(back);
        return new RenderedCard(typing.onQuestion(question), typing.onAnswer(answer));
    }

    /**
     * Anki's card generation rule for a standard note type (rslib {@code cardgen.rs}): a card type makes a card for a
     * note only when its front shows at least one non-empty field of that note; static text and special fields do not
     * count.
     *
     * @throws DomainException {@link ErrorCode#REQ_002} when the template is malformed
     */
    public static boolean makesCard(String frontTemplate, Map<String, String> fields) {
        Objects.requireNonNull(frontTemplate, "frontTemplate");
        Objects.requireNonNull(fields, "fields");
        Set<String> nonEmpty = new HashSet<>();
        fields.forEach((name, value) -> {
            if (value != null && !Html.isEmptyField(value)) {
                nonEmpty.add(name);
            }
        });
        return rendersAField(TemplateParser.parse(frontTemplate, "Front"), nonEmpty);
    }

    /** The cloze numbers used in a field's text, e.g. "{{c1::a}} {{c3::b}} {{c1::c}}" -> [1, 3]; empty when none. */
    public static SortedSet<Integer> clozeOrdinals(String text) {
        Objects.requireNonNull(text, "text");
        return Collections.unmodifiableSortedSet(new TreeSet<>(Cloze.ordinals(text)));
    }

    /**
     * A field's text as a reader takes it in, for search: every cloze deletion replaced by its answer (hints
     * dropped), HTML stripped and entities decoded as Anki's {@code strip_html} does.
     */
    public static String plainText(String fieldText) {
        Objects.requireNonNull(fieldText, "fieldText");
        return Html.stripHtml(Cloze.answered(fieldText));
    }

    /**
     * Field names a template refers to (through {{Field}}, {{#Field}}, {{^Field}}, {{filter:Field}}), in order of
     * first use, excluding special fields and {@code {{#cN}}} card conditionals.
     *
     * @throws DomainException {@link ErrorCode#REQ_002} when the template is malformed
     */
    public static Set<String> referencedFields(String template) {
        Objects.requireNonNull(template, "template");
        Set<String> names = new LinkedHashSet<>();
        collectFieldNames(TemplateParser.parse(template, null), names);
        return Collections.unmodifiableSet(names);
    }

    private static void collectFieldNames(List<Node> nodes, Set<String> names) {
        for (Node node : nodes) {
            switch (node) {
                case Node.Text ignored -> { }
                case Node.Field field -> {
                    if (!field.name().isEmpty() && !SPECIAL_FIELDS.contains(field.name())) {
                        names.add(field.name());
                    }
                }
                case Node.Section section -> {
                    if (!SPECIAL_FIELDS.contains(section.field()) && !isClozeConditional(section.field())) {
                        names.add(section.field());
                    }
                    collectFieldNames(section.children(), names);
                }
            }
        }
    }

    /** Special fields the caller did not supply are empty, except Subdeck (Deck's last part) and cN (this card). */
    private static Map<String, String> withSpecialFields(Map<String, String> fields, int clozeOrdinal) {
        Map<String, String> values = new HashMap<>();
        fields.forEach((name, value) -> values.put(name, value == null ? "" : value));
        for (String special : List.of("Tags", "Type", "Deck", "Card", "CardFlag", "CardID")) {
            values.putIfAbsent(special, "");
        }
        String deck = values.get("Deck");
        int lastSeparator = deck.lastIndexOf("::");
        values.putIfAbsent("Subdeck", lastSeparator < 0 ? deck : deck.substring(lastSeparator + 2));
        values.putIfAbsent("c" + clozeOrdinal, "1");
        return values;
    }

    private static String emptyCardNotice(List<Node> front, Map<String, String> values, Set<String> nonEmpty,
            int clozeOrdinal) {
        if (usesCloze(front)) {
            boolean asked = values.values().stream().anyMatch(v -> Cloze.ordinals(v).contains(clozeOrdinal));
            return asked ? null : "<div>No cloze " + clozeOrdinal + " found on card.\n"
                    + "Please either add a cloze deletion, or use the Empty Cards tool."
                    + MORE_INFO.formatted("no-cloze-filter-on-cloze-note-type");
        }
        return rendersAField(front, nonEmpty) ? null
                : "<div>The front of this card is blank." + MORE_INFO.formatted("front-of-card-is-blank");
    }

    private static boolean usesCloze(List<Node> nodes) {
        return nodes.stream().anyMatch(node -> switch (node) {
            case Node.Text ignored -> false;
            case Node.Field field -> field.filters().contains("cloze");
            case Node.Section section -> usesCloze(section.children());
        });
    }

    /** Anki's card generation rule: a front is blank unless it shows at least one non-empty field. */
    private static boolean rendersAField(List<Node> nodes, Set<String> nonEmpty) {
        return nodes.stream().anyMatch(node -> switch (node) {
            case Node.Text ignored -> false;
            case Node.Field field -> nonEmpty.contains(field.name());
            case Node.Section section -> nonEmpty.contains(section.field()) != section.inverted()
                    && rendersAField(section.children(), nonEmpty);
        });
    }

    private static boolean isClozeConditional(String name) {
        return CLOZE_CONDITIONAL.matcher(name).matches();
    }

    /** Renders one side; {@code frontSide} is null on the question, where {{FrontSide}} is empty. */
    private record Renderer(Map<String, String> values, Set<String> nonEmpty, int ordinal, String frontSide) {

        String render(List<Node> nodes) {
            StringBuilder out = new StringBuilder();
            render(nodes, out);
            return out.toString();
        }

        private void render(List<Node> nodes, StringBuilder out) {
            for (Node node : nodes) {
                switch (node) {
                    case Node.Text text -> out.append(text.text());
                    // FrontSide takes no filters
                    case Node.Field field when field.name().equals("FrontSide") ->
                            out.append(frontSide == null ? "" : frontSide);
                    // {{filter:}} hands add-on filters an empty field; built-in ones render nothing
                    case Node.Field field when field.name().isEmpty() && !field.filters().isEmpty() -> { }
                    case Node.Field field -> {
                        String value = values.get(field.name());
                        out.append(value == null ? unknownField(field.name())
                                : Filters.apply(value, field.filters(), field.name(), ordinal, frontSide == null));
                    }
                    case Node.Section section -> renderSection(section, out);
                }
            }
        }

        private void renderSection(Node.Section section, StringBuilder out) {
            boolean known = values.containsKey(section.field()) || isClozeConditional(section.field());
            if (!known) {
                out.append(unknownField(section.field()));
            } else if (nonEmpty.contains(section.field()) != section.inverted()) {
                render(section.children(), out);
            }
        }

        private static String unknownField(String name) {
            return "<span class=\"anki-error\">unknown field " + Html.encodeMinimal(name) + "</span>";
        }
    }
}
