package io.ankirag.domain.template;

import java.util.List;

/**
 * The note types every installation has, as Anki ships them: same names, fields, card types and CSS, so that
 * cards exported to Anki or imported from a real {@code .apkg} land on the note types Anki users know.
 */
public final class SystemTemplates {

    /** A system template: fixed id from {@link TemplateId#ofSystem(String)}, owned by the installation. */
    public record SystemTemplate(TemplateName name, TemplateKind kind, TemplateDesign design) {

        public TemplateId id() {
            return TemplateId.ofSystem(name.value());
        }
    }

    static final String CSS = """
            .card {
                font-family: arial;
                font-size: 20px;
                text-align: center;
                color: black;
                background-color: white;
            }
            """;

    static final String CLOZE_CSS = CSS + """

            .cloze {
                font-weight: bold;
                color: blue;
            }
            """;

    private static final CardType FRONT_TO_BACK = new CardType("Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}");
    private static final CardType BACK_TO_FRONT = new CardType("Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}");
    private static final TemplateFields FRONT_AND_BACK =
            new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("Back", false)));

    public static final SystemTemplate BASIC = standard("Basic", List.of(FRONT_TO_BACK));
    public static final SystemTemplate BASIC_AND_REVERSED = standard("Basic (and reversed card)", List.of(FRONT_TO_BACK, BACK_TO_FRONT));
    /*
     * Spec 10.2 calls the second field "Extra"; Anki's own Cloze note type calls it "Back Extra", and imported
     * .apkg files must map onto this template field by field, so Anki's name wins.
     */
    public static final SystemTemplate CLOZE = new SystemTemplate(new TemplateName("Cloze"), TemplateKind.CLOZE,
            new TemplateDesign("Cloze",
                    new TemplateFields(List.of(new TemplateField("Text", true), new TemplateField("Back Extra", false))),
                    List.of(new CardType("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")),
                    CLOZE_CSS));

    public static final List<SystemTemplate> ALL = List.of(BASIC, BASIC_AND_REVERSED, CLOZE);

    private SystemTemplates() {
    }

    private static SystemTemplate standard(String name, List<CardType> cardTypes) {
        return new SystemTemplate(new TemplateName(name), TemplateKind.STANDARD, new TemplateDesign(name, FRONT_AND_BACK, cardTypes, CSS));
    }
}
