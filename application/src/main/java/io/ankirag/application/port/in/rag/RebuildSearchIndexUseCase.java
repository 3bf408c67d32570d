package io.ankirag.application.port.in.rag;

import java.util.List;

/**
 * The search index is a projection of card events plus vectors written in the background; rebuilding it replays
 * the projection from the first event.
 */
public interface RebuildSearchIndexUseCase {

    /**
     * One embedding model of the index.
     *
     * @param model   as {@code provider/name/dimensions}
     * @param state   {@code serving} (its vectors answer searches) or {@code building} (a newly configured model
     *                whose vectors are being written; it serves once complete)
     * @param pending cards waiting for their first try
     * @param failed  cards whose embedding failed, retried with growing pauses; the card itself is kept
     */
    record ModelProgress(String model, String state, long cards, long embedded, long pending, long failed,
                         String lastError) {
    }

    /**
     * @param model    the configured embedding model, as {@code provider/name/dimensions}
     * @param servingModel the model whose vectors answer searches: the configured one, or the previous one while
     *                 the configured one is being built
     * @param position the last event the index has taken in; {@code -1} before the first
     * @param head     the last event stored
     * @param pending  cards waiting for a vector, over every model
     * @param failed   cards whose embedding failed and waits to be retried, over every model
     */
    record SearchIndexProgress(String model, String servingModel, boolean rebuilding, long position, long head,
                               long pending, long failed, List<ModelProgress> models) {

        public SearchIndexProgress {
            models = List.copyOf(models);
        }

        /** Every event taken in, every card's vector written, and searches served by the configured model. */
        public boolean caughtUp() {
            return !rebuilding && position >= head && pending == 0 && failed == 0 && model.equals(servingModel);
        }
    }

    /**
     * Replays the index's projection from the first event. Vectors whose text is unchanged are kept, so searches
     * keep working and nothing is embedded twice; failed cards are tried again at once.
     */
    SearchIndexProgress rebuildIndex();

    SearchIndexProgress indexProgress();
}
