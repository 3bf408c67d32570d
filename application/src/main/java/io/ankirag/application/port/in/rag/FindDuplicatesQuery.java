package io.ankirag.application.port.in.rag;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicates among the caller's own cards, by meaning (spec 5.7): for cards already saved, or for
 * candidate fields not saved yet (what generation checks before it keeps a draft).
 */
public interface FindDuplicatesQuery {

    int MAX_ITEMS = 100;
    /**
     * Cosine similarity from which two cards say the same thing, for the built-in all-MiniLM-L6-v2-q: on the RAG
     * quality benchmark (docs/benchmarks/rag-quality.md) precision 0.90 and recall 0.82, F1 within 0.01 of the best
     * threshold (0.79), where 0.9 found fewer than half the duplicates. Other models score on other scales.
     */
    double DEFAULT_THRESHOLD = 0.8;
    int MAX_MATCHES_PER_ITEM = 5;

    /**
     * @param item        the card id, or the candidate's position (0-based) in the request
     * @param similarTo   an existing card of the caller, never the card itself
     */
    record Duplicate(String item, CardId similarTo, double similarity) {
    }

    /**
     * @throws io.ankirag.domain.error.DomainException {@code CARD_001} for a card that is not the caller's,
     *                                                 {@code REQ_002} for more than {@value #MAX_ITEMS} cards or a
     *                                                 threshold outside 0..1, {@code RAG_001} when embedding fails
     */
    List<Duplicate> duplicatesOfCards(UserId caller, List<CardId> cards, double threshold);

    /** Like {@link #duplicatesOfCards}, for fields not saved as a card yet; an empty candidate has no duplicates. */
    List<Duplicate> duplicatesOfCandidates(UserId caller, List<Map<String, String>> candidates, double threshold);

    /**
     * @param vector     the candidate's embedding as a document, for comparing it with other unsaved candidates;
     *                   {@code null} when it has no text
     * @param duplicates the caller's cards that say the same, most similar first (item: the candidate's position)
     */
    record CandidateMatch(float[] vector, List<Duplicate> duplicates) {
    }

    /**
     * Unsaved candidates with their embeddings (computed together), in order: what generation checks new cards with
     * as they arrive.
     */
    List<CandidateMatch> matchCandidates(UserId caller, List<Map<String, String>> candidates, double threshold);
}
