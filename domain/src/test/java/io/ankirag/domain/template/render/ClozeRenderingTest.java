package io.ankirag.domain.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClozeRenderingTest {

    private static final String FRONT = "{{cloze:Text}}";
    private static final String BACK = "{{cloze:Text}}<br>\n{{Back Extra}}";

    private static RenderedCard card(String text, int ordinal) {
        return AnkiTemplateRenderer.render(FRONT, BACK, Map.of("Text", text, "Back Extra", ""), ordinal);
    }

    private static String asked(int ordinal, String answer) {
        return "<span class=\"cloze\" data-cloze=\"" + answer + "\" data-ordinal=\"" + ordinal + "\">[...]</span>";
    }

    private static String shown(int ordinal, String answer) {
        return "<span class=\"cloze\" data-ordinal=\"" + ordinal + "\">" + answer + "</span>";
    }

    private static String inactive(int ordinal, String answer) {
        return "<span class=\"cloze-inactive\" data-ordinal=\"" + ordinal + "\">" + answer + "</span>";
    }

    @Test
    void listsClozeNumbersSortedAndWithoutDuplicates() {
        assertThat(AnkiTemplateRenderer.clozeOrdinals("{{c1::a}} {{c3::b}} {{c1::c}}")).containsExactly(1, 3);
    }

    @Test
    void ordersClozeNumbersNumericallySoC10ComesAfterC2() {
        assertThat(AnkiTemplateRenderer.clozeOrdinals("{{c10::x}} {{c2::y}} {{c1::z}} {{c01::w}}"))
                .containsExactly(1, 2, 10);
    }

    @Test
    void findsNoClozeNumbersInPlainOrMalformedText() {
        assertThat(AnkiTemplateRenderer.clozeOrdinals("plain {{c::x}} {{cx::y}} {{c1:z}} {{c99999::big}}")).isEmpty();
    }

    @Test
    void countsNestedClozesButNotC0() {
        assertThat(AnkiTemplateRenderer.clozeOrdinals("{{c2::te{{c1::s}}}}t {{c0::zero}}")).containsExactly(1, 2);
    }

    @Test
    void hidesTheAskedDeletionAndShowsOthers() {
        RenderedCard card = card("{{c1::Paris}} is in {{c2::France}}", 1);

        assertThat(card.question()).isEqualTo(asked(1, "Paris") + " is in " + inactive(2, "France"));
        assertThat(card.answer()).isEqualTo(shown(1, "Paris") + " is in " + inactive(2, "France") + "<br>\n");
    }

    @Test
    void showsTheHintInPlaceOfTheEllipsis() {
        RenderedCard card = card("{{c1::Paris::capital}} is lovely", 1);

        assertThat(card.question())
                .isEqualTo("<span class=\"cloze\" data-cloze=\"Paris\" data-ordinal=\"1\">[capital]</span> is lovely");
        assertThat(card.answer()).startsWith(shown(1, "Paris") + " is lovely");
    }

    @Test
    void hidesEveryDeletionWithTheAskedNumber() {
        RenderedCard card = card("{{c1::red}}, {{c2::green}} and {{c1::blue}}", 1);

        assertThat(card.question()).isEqualTo(asked(1, "red") + ", " + inactive(2, "green") + " and " + asked(1, "blue"));
        assertThat(card.answer()).startsWith(shown(1, "red") + ", " + inactive(2, "green") + " and " + shown(1, "blue"));
    }

    @Test
    void hidesAnOuterClozeWithItsNestedOneInside() {
        RenderedCard card = card("foo {{c1::bar {{c2::baz}}}}", 1);

        String hidden = "bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;inactive&quot;&#x20;data&#x2D;ordinal&#x3D;"
                + "&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;";
        assertThat(card.question()).isEqualTo("foo " + asked(1, hidden));
        assertThat(card.answer()).startsWith("foo " + shown(1, "bar " + inactive(2, "baz")));
    }

    @Test
    void hidesOnlyTheNestedClozeWhenItIsAsked() {
        RenderedCard card = card("foo {{c1::bar {{c2::baz}}::qux}}", 2);

        assertThat(card.question()).isEqualTo("foo " + inactive(1, "bar " + asked(2, "baz")));
        assertThat(card.answer()).startsWith("foo " + inactive(1, "bar " + shown(2, "baz")));
    }

    @Test
    void usesTheOuterHintWhenTheOuterClozeIsAsked() {
        assertThat(card("foo {{c1::bar {{c2::baz}}::qux}}", 1).question()).endsWith("\">[qux]</span>");
    }

    @Test
    void showsAnkisMissingClozeNoticeWhenTheOrdinalIsNotInTheText() {
        String notice = "<div>No cloze 3 found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool."
                + "<br><a href='https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type'>"
                + "More information</a></div>";

        RenderedCard card = card("{{c1::a}} {{c2::b}}", 3);

        // the cloze filter renders text without the asked deletion as empty, so only the notice remains
        assertThat(card.question()).isEqualTo(notice);
        assertThat(card.answer()).isEqualTo(notice);
    }

    @Test
    void findsTheAskedDeletionInAnyField() {
        Map<String, String> fields = Map.of("Text", "{{c1::a}}", "Back Extra", "{{c2::b}}");

        RenderedCard card = AnkiTemplateRenderer.render(FRONT, BACK, fields, 2);

        assertThat(card.question()).isEmpty();
        assertThat(card.answer()).isEqualTo("<br>\n{{c2::b}}");
    }

    @Test
    void plainReplacementShowsTheRawClozeMarkup() {
        RenderedCard card = AnkiTemplateRenderer.render(FRONT, "{{Text}}", Map.of("Text", "{{c1::a::hint}}"), 1);

        assertThat(card.answer()).isEqualTo("{{c1::a::hint}}");
    }

    @Test
    void frontSideOnTheBackKeepsTheDeletionHidden() {
        RenderedCard card = AnkiTemplateRenderer.render(FRONT, "{{FrontSide}}<hr id=answer>{{Extra}}",
                Map.of("Text", "{{c1::a}}", "Extra", "e"), 1);

        assertThat(card.answer()).isEqualTo(asked(1, "a") + "<hr id=answer>e");
    }

    @Test
    void keepsStrayClosingBracesAndDropsAClozeThatNeverCloses() {
        assertThat(card("{{c1::x}} }} {{c2::never closed", 1).question()).isEqualTo(asked(1, "x") + " }} ");
    }

    @Test
    void stripsTagsInsideMathJaxAfterRevealing() {
        assertThat(card("\\({{c1::x^2}}\\) is <b>{{c2::y}}</b>", 1).question())
                .isEqualTo("\\([...]\\) is <b>" + inactive(2, "y") + "</b>");
    }

    @Test
    void clozeOnlyShowsJustTheAskedParts() {
        RenderedCard card = AnkiTemplateRenderer.render("{{cloze:Text}}|{{cloze-only:Text}}", "{{cloze-only:Text}}",
                Map.of("Text", "{{c1::a}} {{c1::b::hint}} {{c2::c}}"), 1);

        assertThat(card.question()).endsWith("|..., hint");
        assertThat(card.answer()).isEqualTo("a, b");
    }
}
