package io.ankirag.application.port.in.rag;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the caller's own cards by meaning, by words, or both. The index behind it is eventually consistent:
 * a card just created, edited or deleted shows its change after the embeddings projection has caught up.
 */
public interface SearchCardsQuery {

    int MAX_QUERY_LENGTH = 10_000;
    int DEFAULT_TOP_K = 10;
    int MAX_TOP_K = 50;
    double DEFAULT_THRESHOLD = 0.7;
    int MAX_TAGS = 100;

    enum SearchMode {
        /** cosine similarity of embeddings; {@code threshold} is the least similarity answered */
        SEMANTIC,
        /**
         * PostgreSQL full-text search: words as typed (no stemming), common English and Russian words left out,
         * ranked by {@code ts_rank}; any word may match
         */
        LEXICAL,
        /** both lists merged by reciprocal rank fusion; the threshold applies to the semantic list */
        HYBRID
    }

    /** How {@code tags} narrow a search. */
    enum TagMatch {
        /** cards with at least one of the tags */
        ANY,
        /** cards with every one of the tags */
        ALL
    }

    /**
     * @param deckId   {@code null} for all the caller's decks; else that deck and its sub-decks
     * @param statuses {@code null} or empty for any status
     * @param tags     {@code null} or empty for any tags; else only cards with any or all of them ({@code tagMatch}),
     *                 compared ignoring case as Anki does
     * @param includeSources whether hits carry the card's fields
     */
    record CardSearch(String query, SearchMode mode, int topK, double threshold, DeckId deckId, Set<CardStatus> statuses,
                      List<String> tags, TagMatch tagMatch, boolean includeSources) {
    }

    /**
     * @param score  cosine similarity (semantic), {@code ts_rank} (lexical) or the fused reciprocal-rank score (hybrid);
     *               higher is better within one answer, not comparable across modes
     * @param fields {@code null} unless sources were asked for
     */
    record SearchHit(CardId cardId, double score, Map<String, String> fields, DeckId deckId, String deckName,
                     CardStatus status) {
    }

    /**
     * Best first, at most {@code topK}.
     *
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} for a blank query or one over
     *                                                 {@value #MAX_QUERY_LENGTH} characters, {@code topK} outside
     *                                                 1..{@value #MAX_TOP_K}, a threshold outside -1..1, more than
     *                                                 {@value #MAX_TAGS} tags or a blank one;
     *                                                 {@code DECK_001} for a deck the caller does not own;
     *                                                 {@code RAG_001} when the query cannot be embedded
     */
    List<SearchHit> search(UserId caller, CardSearch search);
}
