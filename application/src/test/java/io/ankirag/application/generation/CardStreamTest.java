package io.ankirag.application.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.generation.CardFormat.Candidate;
import io.ankirag.application.generation.CardStream.RawCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardStreamTest {

    private static final String ANSWER = """
            {"cards": [
              {"type": "basic", "front": "What does {await} do?", "back": "Suspends the coroutine \\"until\\" done"},
              {"type": "cloze", "text": "{{c1::asyncio.run}} starts the loop", "extra": "Python 3.7+ [new]"}
            ]}""";

    @Test
    void eachCardIsHandedOutTheMomentItsObjectCloses() {
        CardStream stream = new CardStream();
        int firstClose = ANSWER.indexOf("done\"}") + "done\"}".length();

        assertThat(stream.feed(ANSWER.substring(0, firstClose - 1))).isEmpty();
        List<RawCard> first = stream.feed(ANSWER.substring(firstClose - 1, firstClose));
        assertThat(first).singleElement().satisfies(card ->
                assertThat(card.members()).containsEntry("back", "Suspends the coroutine \"until\" done"));
        List<RawCard> rest = stream.feed(ANSWER.substring(firstClose));
        assertThat(rest).singleElement().satisfies(card ->
                assertThat(card.members()).containsEntry("extra", "Python 3.7+ [new]"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void anyChunkingGivesTheSameCards(int chunk) {
        CardStream stream = new CardStream();
        List<RawCard> cards = new ArrayList<>();
        for (int i = 0; i < ANSWER.length(); i += chunk) {
            cards.addAll(stream.feed(ANSWER.substring(i, Math.min(ANSWER.length(), i + chunk))));
        }
        assertThat(cards).extracting(card -> card.members().get("type")).containsExactly("basic", "cloze");
        assertThat(stream.text()).isEqualTo(ANSWER);
    }

    @Test
    void aBareArrayAndAMarkdownFenceAreReadToo() {
        List<RawCard> cards = new CardStream().feed("```json\n[{\"front\": \"q\", \"back\": \"a\"}]\n```");

        assertThat(cards).singleElement().satisfies(card -> assertThat(card.members()).containsEntry("front", "q"));
    }

    @Test
    void objectsNestedInsideACardAreNotCards() {
        List<RawCard> cards = new CardStream().feed("{\"cards\": [{\"front\": \"q\", \"back\": \"a\", \"meta\": {\"list\": [{\"x\": 1}]}}]}");

        assertThat(cards).hasSize(1);
    }

    @Test
    void unicodeEscapesAndNumbersAreRead() {
        RawCard card = new CardStream().feed("[{\"front\": \"caf\\u00e9\", \"back\": 42}]").getFirst();

        assertThat(card.members()).containsEntry("front", "café").containsEntry("back", 42L);
        assertThat(CardFormat.candidate(card).fields()).containsEntry("Back", "42");
    }

    @Test
    void basicAndClozeCardsBecomeTheirTemplatesFields() {
        Candidate basic = CardFormat.candidate(raw(Map.of("type", "basic", "front", "q", "back", "a")));
        Candidate cloze = CardFormat.candidate(raw(Map.of("text", "{{c1::x}}", "extra", "e")));

        assertThat(basic.templateId()).isEqualTo(CardFormat.BASIC);
        assertThat(basic.fields()).containsExactly(Map.entry("Front", "q"), Map.entry("Back", "a"));
        assertThat(cloze.templateId()).isEqualTo(CardFormat.CLOZE);
        assertThat(cloze.fields()).containsExactly(Map.entry("Text", "{{c1::x}}"), Map.entry("Back Extra", "e"));
    }

    @Test
    void aCardOfNeitherShapeSaysSo() {
        Candidate odd = CardFormat.candidate(raw(Map.of("question", "q")));

        assertThat(odd.templateId()).isNull();
        assertThat(odd.problem()).contains("neither basic");
    }

    @Test
    void theSchemaAndTheInstructionsAreValidJson() {
        assertThat(Json.parse(CardFormat.SCHEMA)).isInstanceOf(Map.class);
        assertThat(Json.parse(Json.quote("a \"b\"\n\\c\u0001"))).isEqualTo("a \"b\"\n\\c\u0001");
    }

    private static RawCard raw(Map<String, Object> members) {
        return new RawCard(members, null, "{}");
    }
}
