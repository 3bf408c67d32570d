package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardTextTest {

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    void joinsFieldsInOrderOnePerLine() {
        assertThat(CardText.of(fields("Front", "What is a monad?", "Back", "A monoid in the category of endofunctors")))
                .isEqualTo("What is a monad?\nA monoid in the category of endofunctors");
    }

    @Test
    void stripsHtmlWithoutGluingWordsTogether() {
        assertThat(CardText.of(fields("Front", "<div><b>Fish</b>&nbsp;&amp; chips</div><div>with&nbsp;peas</div>",
                "Back", "line one<br>line two<img src=\"x.png\">")))
                .isEqualTo("Fish & chips with peas\nline one line two");
    }

    @Test
    void resolvesClozesToTheirAnswers() {
        assertThat(CardText.of(fields("Text", "{{c1::Canberra::city}} is the capital of {{c2::Australia}}", "Back Extra", "")))
                .isEqualTo("Canberra is the capital of Australia");
    }

    @Test
    void skipsEmptyFieldsAndIsEmptyWhenAllAre() {
        assertThat(CardText.of(fields("Front", "Q", "Back", "  ", "Extra", "<br>"))).isEqualTo("Q");
        assertThat(CardText.of(fields("Front", "<img src=\"a.png\">", "Back", ""))).isEmpty();
    }
}
