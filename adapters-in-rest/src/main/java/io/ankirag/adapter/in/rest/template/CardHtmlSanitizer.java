package io.ankirag.adapter.in.rest.template;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Makes rendered cards safe to put into the page: card fields are user input and may come from shared decks.
 * Keeps what Anki cards show (formatting, lists, tables, images, links, cloze spans, the type-answer box, the
 * answer separator) and drops everything that runs: scripts, event handlers, {@code javascript:} URLs. Anki's
 * own {@code onclick} on hint links goes too; the page toggles hints by their {@code hint} class.
 */
@Component
class CardHtmlSanitizer {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Data URLs only for images, where the browser never runs them. */
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?:|mailto:|#|[^:]*$).*", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("(?i)(?:https?:|data:image/|[^:]*$).*", Pattern.DOTALL);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonInlineFormattingElements()
            .allowCommonBlockElements()
            .allowElements("a", "img", "hr", "br", "pre", "code", "center", "ruby", "rb", "rt", "rp", "dl", "dt", "dd",
                    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "input")
            .allowStyling()
            .allowUrlProtocols("http", "https", "mailto", "data")
            .allowAttributes("href").matching(LINK).onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("src").matching(IMAGE).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
            .allowAttributes("title").globally()
            .allowAttributes("class").onElements("span", "div", "a")
            .allowAttributes("data-cloze", "data-ordinal").onElements("span")
            // Only Anki's own ids, so that card HTML cannot clobber the page's.
            .allowAttributes("id").matching(Pattern.compile("answer")).onElements("hr")
            .allowAttributes("id").matching(Pattern.compile("typeans")).onElements("input", "code")
            .allowAttributes("id").matching(Pattern.compile("hint[0-9a-f]+")).onElements("div")
            .allowAttributes("type").matching(Pattern.compile("text")).onElements("input")
            .toFactory();

    String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
