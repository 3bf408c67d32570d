package io.ankirag.application.port.out.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Set;

/**
 * The search index over cards' text and embeddings, always scoped to one owner. Rejected and deleted cards are
 * not in it.
 */
public interface SearchCardIndexPort {

    /**
     * @param decks    {@code null} for every deck, else only cards in these
     * @param statuses {@code null} or empty for any status
     * @param tags     {@code null} or empty for any tags, else lower-cased tags of which a card must have one
     *                 ({@code allTags} false) or all ({@code allTags} true); tags compare ignoring case, as in Anki
     */
    record IndexScope(List<DeckId> decks, Set<CardStatus> statuses, Set<String> tags, boolean allTags) {

        public static final IndexScope EVERYWHERE = new IndexScope(null, null, null, false);
    }

    record ScoredCard(CardId cardId, double score) {
    }

    /**
     * Nearest by cosine similarity to {@code query}, a vector of {@code model}, among that model's vectors; best
     * first, at least {@code minSimilarity}. None when the index holds no vectors of {@code model}.
     */
    List<ScoredCard> nearest(UserId owner, EmbeddingModelInfo model, float[] query, IndexScope scope, double minSimilarity,
                             int limit);

    /** Cards containing any of {@code words}, by full-text rank, best first; none for an empty list. */
    List<ScoredCard> matchingWords(UserId owner, List<String> words, IndexScope scope, int limit);
}
