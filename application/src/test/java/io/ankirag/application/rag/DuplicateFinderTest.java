package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery.Duplicate;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    static final UserId OWNER = new UserId(UUID.randomUUID());
    static final UserId STRANGER = new UserId(UUID.randomUUID());

    final Library library = new Library();
    final DuplicateFinder finder = new DuplicateFinder(
            new ServingEmbedder(new InMemorySearchIndex(), model -> Optional.of(library), library), library, library);

    @Test
    void aCandidateCloseEnoughToASavedCardIsItsDuplicate() {
        CardId cell = library.card(OWNER, "Powerhouse of the cell?", "Mitochondria", 1, 0);
        library.card(OWNER, "Capital of France?", "Paris", 0, 1);

        List<Duplicate> found = finder.duplicatesOfCandidates(OWNER, List.of(fields("Powerhouse of the cell?", "Mitochondria")), 0.9);

        assertThat(found).containsExactly(new Duplicate("0", cell, 1.0));
    }

    @Test
    void nothingBelowTheThresholdIsADuplicate() {
        library.card(OWNER, "Powerhouse of the cell?", "Mitochondria", 1, 0);
        library.embedsAs("Which organelle makes energy?\nATP", 0.6f, 0.8f);

        assertThat(finder.duplicatesOfCandidates(OWNER, List.of(fields("Which organelle makes energy?", "ATP")), 0.9)).isEmpty();
        List<Duplicate> looser = finder.duplicatesOfCandidates(OWNER, List.of(fields("Which organelle makes energy?", "ATP")), 0.5);
        assertThat(looser).hasSize(1);
        assertThat(looser.getFirst().similarity()).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void candidatesComeBackInOrderWithTheirEmbeddingsAndDuplicates() {
        CardId cell = library.card(OWNER, "Powerhouse of the cell?", "Mitochondria", 1, 0);
        library.embedsAs("Capital of France?\nParis", 0, 1);

        List<FindDuplicatesQuery.CandidateMatch> matches = finder.matchCandidates(OWNER, List.of(
                fields("Powerhouse of the cell?", "Mitochondria"), Map.of("Front", ""), fields("Capital of France?", "Paris")), 0.9);

        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).duplicates()).containsExactly(new Duplicate("0", cell, 1.0));
        assertThat(matches.get(0).vector()).containsExactly(1f, 0f);
        assertThat(matches.get(1).vector()).as("no text, nothing to embed").isNull();
        assertThat(matches.get(1).duplicates()).isEmpty();
        assertThat(matches.get(2).vector()).containsExactly(0f, 1f);
        assertThat(matches.get(2).duplicates()).isEmpty();
        assertThat(library.embedCalls).as("embedded together").isEqualTo(1);
    }

    @Test
    void aSavedCardMatchesOthersButNeverItself() {
        CardId original = library.card(OWNER, "Powerhouse of the cell?", "Mitochondria", 1, 0);
        CardId copy = library.card(OWNER, "Powerhouse of the cell?", "The mitochondria", 1, 0);

        assertThat(finder.duplicatesOfCards(OWNER, List.of(copy), 0.9)).containsExactly(new Duplicate(copy.toString(), original, 1.0));
    }

    @Test
    void onlyTheCallersCardsAreEverComparedOrNamed() {
        CardId strangers = library.card(STRANGER, "Powerhouse of the cell?", "Mitochondria", 1, 0);

        assertThat(finder.duplicatesOfCandidates(OWNER, List.of(fields("Powerhouse of the cell?", "Mitochondria")), 0.1)).isEmpty();
        assertThatThrownBy(() -> finder.duplicatesOfCards(OWNER, List.of(strangers), 0.9))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.CARD_001);
    }

    @Test
    void anEmptyCandidateHasNoDuplicatesAndIsNotEmbedded() {
        library.card(OWNER, "Powerhouse of the cell?", "Mitochondria", 1, 0);

        assertThat(finder.duplicatesOfCandidates(OWNER, List.of(fields("", "<img src=x.png>")), 0.1)).isEmpty();
        assertThat(library.embedCalls).isZero();
    }

    @Test
    void tooManyItemsOrAThresholdOutsideZeroToOneAreRefused() {
        List<Map<String, String>> many = Collections.nCopies(101, fields("q", "a"));

        assertThatThrownBy(() -> finder.duplicatesOfCandidates(OWNER, many, 0.9))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.REQ_002);
        assertThatThrownBy(() -> finder.duplicatesOfCandidates(OWNER, List.of(fields("q", "a")), 1.5))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.REQ_002);
    }

    private static Map<String, String> fields(String front, String back) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Front", front);
        fields.put("Back", back);
        return fields;
    }

    /** Cards, their index and a fake embedder that maps each known text to a fixed 2-d unit vector. */
    static final class Library implements CardReadModelPort, SearchCardIndexPort, EmbedTextsPort {

        final Map<CardId, CardView> cards = new LinkedHashMap<>();
        final Map<String, float[]> vectors = new HashMap<>();
        int embedCalls;

        CardId card(UserId owner, String front, String back, float x, float y) {
            CardId id = new CardId(UUID.randomUUID());
            Map<String, String> fields = fields(front, back);
            cards.put(id, new CardView(id, owner, new DeckId(UUID.randomUUID()), TemplateId.ofSystem("Basic"), fields, List.of(),
                    CardStatus.DRAFT, CardOrigin.MANUAL, null, null, null, null, null, 0, null, owner, owner, Instant.EPOCH, Instant.EPOCH, null));
            embedsAs(CardText.of(fields), x, y);
            return id;
        }

        void embedsAs(String text, float x, float y) {
            vectors.putIfAbsent(text, new float[] {x, y});
        }

        @Override
        public EmbeddingModelInfo model() {
            return new EmbeddingModelInfo("test", "2d", 2);
        }

        @Override
        public List<float[]> embed(List<String> texts, EmbeddingPurpose purpose) {
            embedCalls++;
            return texts.stream().map(text -> vectors.getOrDefault(text, new float[] {0, 0})).toList();
        }

        @Override
        public List<ScoredCard> nearest(UserId owner, EmbeddingModelInfo model, float[] query, IndexScope scope,
                                        double minSimilarity, int limit) {
            List<ScoredCard> scored = new ArrayList<>();
            for (CardView card : cards.values()) {
                if (card.ownerId().equals(owner)) {
                    float[] v = vectors.get(CardText.of(card.fields()));
                    double similarity = v[0] * query[0] + v[1] * query[1];
                    if (similarity >= minSimilarity) {
                        scored.add(new ScoredCard(card.id(), similarity));
                    }
                }
            }
            scored.sort(Comparator.comparingDouble(ScoredCard::score).reversed());
            return scored.stream().limit(limit).toList();
        }

        @Override
        public List<ScoredCard> matchingWords(UserId owner, List<String> words, IndexScope scope, int limit) {
            throw new UnsupportedOperationException("not used by the duplicate finder");
        }

        @Override
        public Optional<CardView> cardOf(UserId owner, CardId id) {
            return Optional.ofNullable(cards.get(id)).filter(card -> card.ownerId().equals(owner));
        }

        @Override
        public List<CardView> cardsOf(UserId owner, List<CardId> ids) {
            return ids.stream().map(id -> cardOf(owner, id)).flatMap(Optional::stream).toList();
        }

        @Override
        public CardSlice cardSlice(UserId owner, CardFilter filter, List<DeckId> decks, String cursor, int limit) {
            throw new UnsupportedOperationException("not used by the duplicate finder");
        }

        @Override
        public List<CardId> cardIdsIn(UserId owner, DeckId deck) {
            throw new UnsupportedOperationException("not used by the duplicate finder");
        }

        @Override
        public List<CardView> cardsOfAnkiNotes(UserId owner, List<Long> ankiNoteIds) {
            throw new UnsupportedOperationException("not used by the duplicate finder");
        }
    }
}
