package io.ankirag.application.port.out.rag;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Set;

/**
 * The search index over cards' text and embeddings (of the current model only), always scoped to one owner.
 * Rejected and deleted cards are not in it.
 */
public interface SearchCardIndexPort {

    /**
     * @param decks    {@code null} for every deck, else only cards in these
     * @param statuses {@code null} or empty for any status
     */
    record IndexScope(List<DeckId> decks, Set<CardStatus> statuses) {
    }

    record ScoredCard(CardId cardId, double score) {
    }

    /** Nearest by cosine similarity to {@code query} (a vector of the current model), best first, at least {@code minSimilarity}. */
    List<ScoredCard> nearest(UserId owner, float[] query, IndexScope scope, double minSimilarity, int limit);

    /** Cards containing any of {@code words}, by full-text rank, best first; none for an empty list. */
    List<ScoredCard> matchingWords(UserId owner, List<String> words, IndexScope scope, int limit);
}
