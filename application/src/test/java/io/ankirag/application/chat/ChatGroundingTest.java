package io.ankirag.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.in.chat.AskAssistantUseCase.Source;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchHit;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.generation.GenerationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How answers are grounded: the cards shown to the model, the sources an answer gets, the material for cards. */
class ChatGroundingTest {

    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final CardId MITOCHONDRIA = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    private static final CardId RIBOSOMES = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c2"));
    private static final List<SearchHit> RETRIEVED = List.of(
            new SearchHit(MITOCHONDRIA, 0.033, basic("Powerhouse of the cell?", "The <b>mitochondria</b>"),
                    DECK, "Biology", CardStatus.DRAFT),
            new SearchHit(RIBOSOMES, 0.016, basic("What do ribosomes make?", "Proteins"), DECK, "Biology",
                    CardStatus.APPROVED));

    /** Fields in template order, as the search answers them. */
    private static Map<String, String> basic(String front, String back) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Front", front);
        fields.put("Back", back);
        return fields;
    }

    @Test
    void theModelSeesEachRetrievedCardWithItsIdDeckAndText() {
        assertThat(ChatService.context(RETRIEVED))
                .contains("[card:" + MITOCHONDRIA + "] (Biology) Powerhouse of the cell?")
                .contains("mitochondria")
                .doesNotContain("<b>")
                .contains("[card:" + RIBOSOMES + "] (Biology) What do ribosomes make?");
        assertThat(ChatService.context(List.of())).isEqualTo("(no matching cards)");
    }

    @Test
    void sourcesAreTheRetrievedCardsBestFirstMarkedWhereCitedAndNothingElse() {
        CardId invented = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000ff"));
        List<Source> sources = ChatService.sources(RETRIEVED,
                "Mitochondria make ATP [card:" + MITOCHONDRIA + "], see also [card: " + invented + "].");

        assertThat(sources).extracting(s -> s.source().cardId()).containsExactly(MITOCHONDRIA, RIBOSOMES);
        assertThat(sources).extracting(s -> s.source().cited()).containsExactly(true, false);
        assertThat(sources.getFirst().source().snippet()).startsWith("Powerhouse of the cell?");
        assertThat(sources.getFirst().source().deckId()).isEqualTo(DECK);
        assertThat(sources.getFirst().deckName()).isEqualTo("Biology");
        assertThat(sources.getFirst().source().score()).isEqualTo(0.033);
    }

    @Test
    void citationsAreRecognisedWhateverTheCaseOfTheId() {
        List<Source> sources = ChatService.sources(RETRIEVED, "[card:" + RIBOSOMES.toString().toUpperCase() + "]");

        assertThat(sources).extracting(s -> s.source().cited()).containsExactly(false, true);
    }

    @Test
    void anAnswerBecomesMaterialWithoutItsCitationMarkers() {
        assertThat(ChatService.material("Mitochondria make ATP [card:" + MITOCHONDRIA + "]. Ribosomes make proteins [card:"
                + RIBOSOMES + "]."))
                .isEqualTo("Mitochondria make ATP. Ribosomes make proteins.");
    }

    @Test
    void aLongAnswerIsCutAtAWordToTheTopicLimit() {
        String material = ChatService.material("word ".repeat(400));

        assertThat(material.codePointCount(0, material.length())).isLessThanOrEqualTo(GenerationRequest.MAX_TOPIC_LENGTH);
        assertThat(material).endsWith("word…");
    }

    @Test
    void tokensAreEstimatedAtFourCharactersEach() {
        assertThat(ChatService.estimatedTokens("")).isZero();
        assertThat(ChatService.estimatedTokens("abcd")).isEqualTo(1);
        assertThat(ChatService.estimatedTokens("abcde")).isEqualTo(2);
    }
}
