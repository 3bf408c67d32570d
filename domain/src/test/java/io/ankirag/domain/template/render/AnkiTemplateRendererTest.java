package io.ankirag.domain.template.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnkiTemplateRendererTest {

    private static final String BLANK_FRONT = "<div>The front of this card is blank.<br>"
            + "<a href='https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank'>More information</a></div>";
    private static final String TYPE_BOX = """

            <center>
            <input type=text id=typeans onkeypress="_typeAnsPress();"
               style="font-family: 'Arial'; font-size: 20px;">
            </center>
            """;

    private static RenderedCard render(String front, String back, Map<String, String> fields) {
        return AnkiTemplateRenderer.render(front, back, fields, 1);
    }

    private static String question(String front, Map<String, String> fields) {
        return render(front, "", fields).question();
    }

    @Nested
    class Replacements {

        @Test
        void substitutesFieldValuesAsRawHtml() {
            RenderedCard card = render("<p>{{Front}}</p>", "{{Back}}", Map.of("Front", "<b>bold</b> &amp; co", "Back", "B"));

            assertThat(card.question()).isEqualTo("<p><b>bold</b> &amp; co</p>");
            assertThat(card.answer()).isEqualTo("B");
        }

        @Test
        void trimsWhitespaceInsideTheBraces() {
            String front = "{{ Front }}|{{# Back }}b{{/ Back }}|{{^ Extra}}none{{/Extra}}";

            assertThat(question(front, Map.of("Front", "F", "Back", "B", "Extra", ""))).isEqualTo("F|b|none");
        }

        @Test
        void matchesFieldNamesCaseSensitively() {
            assertThat(question("{{front}} {{Front}}", Map.of("Front", "x")))
                    .isEqualTo("<span class=\"anki-error\">unknown field front</span> x");
        }

        @Test
        void showsUnknownFieldsAsAnInlineErrorAndRendersTheRest() {
            String front = "{{Front}} {{Nope}} {{text:Gone}} {{#Missing}}hidden{{/Missing}}";

            assertThat(question(front, Map.of("Front", "Q"))).isEqualTo("Q "
                    + "<span class=\"anki-error\">unknown field Nope</span> "
                    + "<span class=\"anki-error\">unknown field Gone</span> "
                    + "<span class=\"anki-error\">unknown field Missing</span>");
        }

        @Test
        void escapesTheNameOfAnUnknownField() {
            assertThat(question("{{Front}}{{<i>}}", Map.of("Front", "Q")))
                    .isEqualTo("Q<span class=\"anki-error\">unknown field &lt;i&gt;</span>");
        }

        @Test
        void doesNotInterpretTemplateSyntaxInsideFieldValues() {
            assertThat(question("{{Front}}", Map.of("Front", "{{Back}} {{#Back}}"))).isEqualTo("{{Back}} {{#Back}}");
        }

        @Test
        void keepsHtmlCommentsVerbatimEvenWithHandlebarsInside() {
            assertThat(question("{{Front}}<!-- {{Nope}} {{#Open}} -->", Map.of("Front", "Q")))
                    .isEqualTo("Q<!-- {{Nope}} {{#Open}} -->");
        }

        @Test
        void leavesStrayClosingBracesAsText() {
            assertThat(question("{{Front}} }} end", Map.of("Front", "Q"))).isEqualTo("Q }} end");
        }

        @Test
        void understandsTheLegacyAlternateDelimiters() {
            assertThat(question("{{=<% %>=}}<%Front%> {{Front}}", Map.of("Front", "Q"))).isEqualTo("Q {{Front}}");
        }
    }

    @Nested
    class SpecialFields {

        @Test
        void frontSideOnTheBackIsTheRenderedQuestion() {
            RenderedCard card = render("<i>{{Front}}</i>", "{{FrontSide}}<hr id=answer>{{Back}}",
                    Map.of("Front", "Q", "Back", "A"));

            assertThat(card.answer()).isEqualTo("<i>Q</i><hr id=answer>A");
        }

        @Test
        void frontSideOnTheFrontIsEmpty() {
            assertThat(question("{{FrontSide}}{{Front}}", Map.of("Front", "Q"))).isEqualTo("Q");
        }

        @Test
        void takesTagsDeckCardAndTypeFromTheFields() {
            Map<String, String> fields = Map.of("Front", "Q", "Tags", "geo europe", "Deck", "Lang::French",
                    "Card", "Card 1", "Type", "Basic");

            assertThat(question("{{Front}}|{{Tags}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{Type}}", fields))
                    .isEqualTo("Q|geo europe|Lang::French|French|Card 1|Basic");
        }

        @Test
        void rendersMissingSpecialFieldsAsEmpty() {
            String front = "{{Front}}[{{Tags}}{{Deck}}{{Subdeck}}{{Card}}{{Type}}{{CardFlag}}]{{^Tags}} untagged{{/Tags}}";

            assertThat(question(front, Map.of("Front", "Q"))).isEqualTo("Q[] untagged");
        }
    }

    @Nested
    class Conditionals {

        private static final String FRONT = "{{Front}}{{#Extra}} [{{Extra}}]{{/Extra}}{{^Extra}} (no extra){{/Extra}}";

        @Test
        void showsASectionWhenItsFieldHasContent() {
            assertThat(question(FRONT, Map.of("Front", "Q", "Extra", "more"))).isEqualTo("Q [more]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n\t", "<br>", "<BR/>", "<br />", "</br>", " <div> <br> </div>\n", "<div />"})
        void treatsWhitespaceBreaksAndEmptyDivsAsEmpty(String value) {
            assertThat(question(FRONT, Map.of("Front", "Q", "Extra", value))).isEqualTo("Q (no extra)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"x", "&nbsp;", "\u00A0", "<span></span>", "<img src=\"a.png\">", "<div>x</div>"})
        void treatsAnythingElseAsContentLikeAnki(String value) {
            assertThat(question(FRONT, Map.of("Front", "Q", "Extra", value))).isEqualTo("Q [" + value + "]");
        }

        @Test
        void nestsSectionsThreeLevelsDeep() {
            String front = "{{#A}}a{{#B}}b{{#C}}c{{C}}{{/C}}{{/B}}{{/A}}";

            assertThat(question(front, Map.of("A", "1", "B", "2", "C", "3"))).isEqualTo("abc3");
            assertThat(question(front + "{{A}}", Map.of("A", "1", "B", "2", "C", ""))).isEqualTo("ab1");
            assertThat(question(front + "{{C}}", Map.of("A", "1", "B", "", "C", "3"))).isEqualTo("a3");
        }

        @Test
        void nestsASectionInsideItselfAndItsInverse() {
            String front = "{{#A}}1{{#A}}2{{^A}}never{{/A}}{{/A}}{{/A}}{{^A}}3{{^A}}4{{/A}}{{/A}}{{A}}";

            assertThat(question(front, Map.of("A", "x"))).isEqualTo("12x");
            assertThat(question(front, Map.of("A", ""))).isEqualTo("34" + BLANK_FRONT);
        }

        @Test
        void invertedSectionsShowOnlyWhenTheFieldIsEmpty() {
            String front = "{{Front}}{{^Image}} (no picture){{/Image}}";

            assertThat(question(front, Map.of("Front", "Q", "Image", ""))).isEqualTo("Q (no picture)");
            assertThat(question(front, Map.of("Front", "Q", "Image", "<img src=x.png>"))).isEqualTo("Q");
        }

        @Test
        void cardConditionalsAreTrueOnlyOnThatCard() {
            String front = "{{cloze:Text}}{{#c2}} (second){{/c2}}{{^c1}} (not first){{/c1}}";
            Map<String, String> fields = Map.of("Text", "{{c1::a}} {{c2::b}}");

            assertThat(AnkiTemplateRenderer.render(front, "", fields, 2).question()).endsWith(" (second) (not first)");
            assertThat(AnkiTemplateRenderer.render(front, "", fields, 1).question()).endsWith("</span>");
        }
    }

    @Nested
    class Filters {

        @Test
        void textStripsTagsCommentsAndScriptsAndDecodesEntities() {
            String value = "<b>Bold</b> &amp; <i>it&eacute;</i>&nbsp;x&#33;&#x3F;<!-- note --><script>alert(1)</script>";

            assertThat(question("{{text:Front}}", Map.of("Front", value))).isEqualTo("Bold & ité x!?");
        }

        @Test
        void textKeepsEntitiesWhenABareAmpersandStopsAnkisDecoder() {
            assertThat(question("{{text:Front}}", Map.of("Front", "<b>R&amp;D</b> & co"))).isEqualTo("R&amp;D & co");
        }

        @Test
        void hintRendersAClickToRevealLink() {
            String q = question("{{Front}}{{hint:Extra}}", Map.of("Front", "Q", "Extra", "starts with P"));

            String id = q.replaceAll("(?s).*getElementById\\('(hint[0-9a-f]{16})'\\).*", "$1");
            assertThat(q).isEqualTo("Q\n<a class=hint href=\"#\"\n"
                    + "onclick=\"this.style.display='none';\n"
                    + "document.getElementById('" + id + "').style.display='block';\n"
                    + "return false;\" draggable=false>\n"
                    + "Extra</a>\n"
                    + "<div id=\"" + id + "\" class=hint style=\"display: none\">starts with P</div>\n");
        }

        @Test
        void hintOfABlankFieldLeavesTheValueAsItIs() {
            assertThat(question("{{Front}}{{hint:Extra}}", Map.of("Front", "Q", "Extra", " "))).isEqualTo("Q ");
        }

        @Test
        void typeShowsAnAnswerBoxOnTheQuestionAndTheExpectedAnswerOnTheBack() {
            // Anki's stock "Basic (type in the answer)" templates
            RenderedCard card = render("{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
                    Map.of("Front", "Capital of France?", "Back", "<b>Paris</b>&nbsp;[sound:paris.mp3]"));

            assertThat(card.question()).isEqualTo("Capital of France?\n\n" + TYPE_BOX);
            assertThat(card.answer()).isEqualTo("Capital of France?\n\n\n\n<hr id=answer>\n"
                    + "<div style=\"font-family: 'Arial'; font-size: 20px\"><code id=typeans>Paris</code></div>");
        }

        @Test
        void typeMovesTheAnswerRuleAboveTheComparisonWhenTheBoxComesThroughFrontSide() {
            RenderedCard card = render("{{Front}} {{type:Back}}", "{{FrontSide}}<hr id=answer>{{Back}}",
                    Map.of("Front", "Q", "Back", "a < b"));

            assertThat(card.answer()).isEqualTo("Q <hr id=answer>\n<div style=\"font-family: 'Arial'; font-size: 20px\">"
                    + "<code id=typeans>a &lt; b</code></div>a < b");
        }

        @Test
        void typeOfAnEmptyFieldShowsNoBox() {
            RenderedCard card = render("{{Front}}{{type:Back}}", "{{type:Back}}", Map.of("Front", "Q", "Back", ""));

            assertThat(card.question()).isEqualTo("Q");
            assertThat(card.answer()).isEmpty();
        }

        @Test
        void typeClozeExpectsTheAskedDeletions() {
            RenderedCard card = AnkiTemplateRenderer.render("{{cloze:Text}}{{type:cloze:Text}}",
                    "{{cloze:Text}}{{type:cloze:Text}}", Map.of("Text", "{{c1::Paris}} is in {{c2::France}}"), 1);

            assertThat(card.question())
                    .isEqualTo("<span class=\"cloze\" data-cloze=\"Paris\" data-ordinal=\"1\">[...]</span>"
                    + " is in <span class=\"cloze-inactive\" data-ordinal=\"2\">France</span>" + TYPE_BOX);
            assertThat(card.answer()).isEqualTo("<span class=\"cloze\" data-ordinal=\"1\">Paris</span>"
                    + " is in <span class=\"cloze-inactive\" data-ordinal=\"2\">France</span>"
                    + "\n<div style=\"font-family: 'Arial'; font-size: 20px\"><code id=typeans>Paris</code></div>");
        }

        @Test
        void appliesChainedFiltersRightToLeft() {
            Map<String, String> fields = Map.of("Text", "<b>{{c1::x}}</b> y");

            RenderedCard card = AnkiTemplateRenderer.render("{{text:cloze:Text}}", "{{text:cloze:Text}}", fields, 1);

            assertThat(card.question()).isEqualTo("[...] y");
            assertThat(card.answer()).isEqualTo("x y");
        }

        @Test
        void ignoresUnknownAndEmptyFilterNames() {
            assertThat(question("{{nosuch:text::Front}}", Map.of("Front", "<b>Q</b>"))).isEqualTo("Q");
        }

        @Test
        void rendersNothingForAFilterWithoutAField() {
            assertThat(question("{{Front}}{{text:}}", Map.of("Front", "Q"))).isEqualTo("Q");
        }

        @Test
        void readsFuriganaAnnotations() {
            Map<String, String> fields = Map.of("Reading", "日本[にほん]語");

            assertThat(question("{{furigana:Reading}}", fields))
                    .isEqualTo("<ruby><rb>日本</rb><rt>にほん</rt></ruby>語");
            assertThat(question("{{kana:Reading}}", fields)).isEqualTo("にほん語");
            assertThat(question("{{kanji:Reading}}", fields)).isEqualTo("日本語");
        }

        @Test
        void wrapsTextForTextToSpeech() {
            assertThat(question("{{tts en_US voices=Bob:Front}}", Map.of("Front", "hello")))
                    .isEqualTo("[anki:tts lang=en_US voices=Bob]hello[/anki:tts]");
        }
    }

    @Nested
    class EmptyCards {

        @Test
        void reportsABlankFrontLikeAnki() {
            RenderedCard card = render("{{Front}}", "{{Back}}", Map.of("Front", "<br>", "Back", "A"));

            assertThat(card.question()).isEqualTo("<br>" + BLANK_FRONT);
            assertThat(card.answer()).isEqualTo(BLANK_FRONT);
        }

        @Test
        void aFrontWithOnlyStaticTextIsBlank() {
            assertThat(question("Static {{#Extra}}x{{/Extra}}", Map.of("Extra", "y"))).isEqualTo("Static x" + BLANK_FRONT);
        }

        @Test
        void aCardTypeMakesACardOnlyWhenItsFrontShowsANonEmptyField() {
            Map<String, String> fields = Map.of("Front", "F", "Back", "<br>", "Add Reverse", "");

            assertThat(AnkiTemplateRenderer.makesCard("{{Front}}", fields)).isTrue();
            assertThat(AnkiTemplateRenderer.makesCard("{{Back}}", fields)).isFalse();
            assertThat(AnkiTemplateRenderer.makesCard("Reverse: {{Tags}}", fields)).isFalse();
            assertThat(AnkiTemplateRenderer.makesCard("{{#Add Reverse}}{{Front}}{{/Add Reverse}}", fields)).isFalse();
            assertThat(AnkiTemplateRenderer.makesCard("{{^Add Reverse}}{{Front}}{{/Add Reverse}}", fields)).isTrue();
        }

        @Test
        void theOptionalReverseCardIsBlankUntilRequested() {
            String front = "{{#Add Reverse}}{{Back}}{{/Add Reverse}}";
            String back = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}";

            assertThat(render(front, back, Map.of("Front", "F", "Back", "B", "Add Reverse", "")).answer())
                    .isEqualTo(BLANK_FRONT);
            assertThat(render(front, back, Map.of("Front", "F", "Back", "B", "Add Reverse", "y")).answer())
                    .isEqualTo("B\n\n<hr id=answer>\n\nF");
        }
    }

    @Nested
    class StockNoteTypes {

        @Test
        void rendersBasic() {
            RenderedCard card = render("{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
                    Map.of("Front", "What is 2 + 2?", "Back", "<div>4</div>"));

            assertThat(card.question()).isEqualTo("What is 2 + 2?");
            assertThat(card.answer()).isEqualTo("What is 2 + 2?\n\n<hr id=answer>\n\n<div>4</div>");
        }

        @Test
        void rendersTheReverseCardOfBasicAndReversed() {
            RenderedCard card = AnkiTemplateRenderer.render("{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}",
                    Map.of("Front", "chien", "Back", "dog"), 1);

            assertThat(card.question()).isEqualTo("dog");
            assertThat(card.answer()).isEqualTo("dog\n\n<hr id=answer>\n\nchien");
        }

        @Test
        void rendersEachCardOfCloze() {
            String front = "{{cloze:Text}}";
            String back = "{{cloze:Text}}<br>\n{{Back Extra}}";
            Map<String, String> fields = Map.of(
                    "Text", "{{c1::Canberra}} is the capital of {{c2::Australia::country}}", "Back Extra", "Not Sydney");

            RenderedCard first = AnkiTemplateRenderer.render(front, back, fields, 1);
            RenderedCard second = AnkiTemplateRenderer.render(front, back, fields, 2);

            assertThat(first.question())
                    .isEqualTo("<span class=\"cloze\" data-cloze=\"Canberra\" data-ordinal=\"1\">[...]</span>"
                    + " is the capital of <span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>");
            assertThat(first.answer()).isEqualTo("<span class=\"cloze\" data-ordinal=\"1\">Canberra</span>"
                    + " is the capital of <span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>"
                    + "<br>\nNot Sydney");
            assertThat(second.question()).isEqualTo("<span class=\"cloze-inactive\" data-ordinal=\"1\">Canberra</span>"
                    + " is the capital of "
                    + "<span class=\"cloze\" data-cloze=\"Australia\" data-ordinal=\"2\">[country]</span>");
            assertThat(second.answer()).isEqualTo("<span class=\"cloze-inactive\" data-ordinal=\"1\">Canberra</span>"
                    + " is the capital of <span class=\"cloze\" data-ordinal=\"2\">Australia</span><br>\nNot Sydney");
        }
    }

    @Nested
    class MalformedTemplates {

        @Test
        void rejectsAnUnclosedSection() {
            assertRejected(() -> render("{{#Extra}}{{Front}}", "", Map.of()),
                    "Front template has a problem: missing '{{/Extra}}' to close '{{#Extra}}'");
        }

        @Test
        void rejectsAnUnclosedInvertedSectionNestedInAClosedOne() {
            assertRejected(() -> render("{{Front}}", "{{#A}}{{^B}}{{/A}}", Map.of()),
                    "Back template has a problem: found '{{/A}}', but expected '{{/B}}' to close '{{^B}}'");
        }

        @Test
        void rejectsAMismatchedClosingTag() {
            assertRejected(() -> render("{{#Extra}}x{{/Front}}", "", Map.of()),
                    "Front template has a problem: found '{{/Front}}', but expected '{{/Extra}}' to close '{{#Extra}}'");
        }

        @Test
        void rejectsAClosingTagWithoutAnOpening() {
            assertRejected(() -> render("{{Front}}{{/Extra}}", "", Map.of()),
                    "Front template has a problem: found '{{/Extra}}', but missing '{{#Extra}}' or '{{^Extra}}' to open it");
        }

        @Test
        void rejectsUnterminatedBraces() {
            assertRejected(() -> render("{{Front}}", "{{FrontSide}}<hr>{{Back", Map.of()),
                    "Back template has a problem: missing '}}' in '{{Back'");
        }

        @Test
        void rejectsAClozeOrdinalBelowOne() {
            assertRejected(() -> AnkiTemplateRenderer.render("{{cloze:Text}}", "", Map.of(), 0),
                    "The cloze ordinal counts from 1, but was 0");
        }

        private void assertRejected(ThrowingCallable call, String message) {
            assertThatThrownBy(call)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                    .hasMessage(message);
        }
    }

    @Nested
    class ReferencedFields {

        @Test
        void listsFieldsFromReplacementsSectionsAndFiltersInOrderOfFirstUse() {
            String template = "{{Front}} {{#Extra}}{{hint:Extra}}{{/Extra}}{{^Image}}-{{/Image}} {{text:cloze:Text}}"
                    + " {{ Back Extra }}";

            assertThat(AnkiTemplateRenderer.referencedFields(template))
                    .containsExactly("Front", "Extra", "Image", "Text", "Back Extra");
        }

        @Test
        void leavesOutSpecialFieldsCardConditionalsAndComments() {
            String template = "{{FrontSide}}{{Tags}}{{#Deck}}{{Subdeck}}{{/Deck}}{{Card}}{{Type}}{{CardFlag}}"
                    + "{{#c1}}{{Front}}{{/c1}}<!-- {{Old}} -->{{text:}}";

            assertThat(AnkiTemplateRenderer.referencedFields(template)).containsExactly("Front");
        }

        @Test
        void rejectsAMalformedTemplate() {
            assertThatThrownBy(() -> AnkiTemplateRenderer.referencedFields("{{#Front}}"))
                    .isInstanceOf(DomainException.class)
                    .hasMessage("Template has a problem: missing '{{/Front}}' to close '{{#Front}}'");
        }
    }
}
