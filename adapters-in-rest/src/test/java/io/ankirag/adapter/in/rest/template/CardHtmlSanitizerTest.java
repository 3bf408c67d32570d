package io.ankirag.adapter.in.rest.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardHtmlSanitizerTest {

    private final CardHtmlSanitizer sanitizer = new CardHtmlSanitizer();

    @Test
    void dropsScriptsEventHandlersAndJavascriptUrls() {
        String html = sanitizer.sanitize("<b onclick=\"steal()\">bold</b><script>steal()</script>"
                + "<a href=\"javascript:steal()\">x</a><img src=x onerror=steal()><a href=\"data:text/html,hi\">y</a>");

        assertThat(html).doesNotContainIgnoringCase("script").doesNotContain("steal", "onerror", "data:text").contains("<b>bold</b>");
    }

    @Test
    void keepsWhatAnkiCardsShow() {
        String html = sanitizer.sanitize("""
                <div class="front">Q</div><hr id=answer><span class="cloze" data-cloze="Paris" data-ordinal="1">[...]</span>
                <span class="cloze-inactive" data-ordinal="2">Berlin</span><ul><li>one</li></ul>
                <table><tr><td colspan="2">cell</td></tr></table><img src="https://example.com/a.png" alt="a">
                <img src="data:image/png;base64,iVBORw0KGgo="><a href="https://anki.example/">link</a>
                <input type=text id=typeans onkeypress="_typeAnsPress();"><i style="color: red">red</i>
                """);

        assertThat(html).contains("<div class=\"front\">Q</div>", "<hr id=\"answer\" />",
                "<span class=\"cloze\" data-cloze=\"Paris\" data-ordinal=\"1\">[...]</span>",
                "<span class=\"cloze-inactive\" data-ordinal=\"2\">Berlin</span>", "<ul><li>one</li></ul>",
                "<td colspan=\"2\">cell</td>", "src=\"https://example.com/a.png\"", "src=\"data:image/png;base64,iVBORw0KGgo&#61;\"",
                "href=\"https://anki.example/\"", "<input type=\"text\" id=\"typeans\" />", "<i style=\"color:red\">red</i>");
        assertThat(html).doesNotContain("onkeypress");
    }

    @Test
    void idsOtherThanAnkisOwnAreDropped() {
        assertThat(sanitizer.sanitize("<hr id=\"main\"><div id=\"app\">x</div>")).isEqualTo("<hr /><div>x</div>");
    }
}
