package io.ankirag.application.port.in.rag;

import java.time.Duration;

/**
 * The background half of the search index: cards queued by its projection get their vectors here, away from any
 * transaction, and a newly configured model takes over searches once built. Run by as many workers as configured,
 * in each instance.
 */
public interface EmbedQueuedCardsUseCase {

    /**
     * Registers the configured model with the index (see {@code SearchIndexModelsPort#register}); must run before
     * the index's projection starts.
     */
    void registerConfiguredModel();

    /**
     * Embeds one batch of queued cards for each model the index keeps, storing the vectors, or parking the cards
     * with the error for a later retry when the model fails; switches searches to the configured model once built.
     *
     * @return how many cards were handled (embedded or parked); 0 when none was due
     */
    int embedNextBatch();

    /** Waits until cards may have been queued, at most {@code patience}. */
    void awaitQueuedCards(Duration patience) throws InterruptedException;
}
