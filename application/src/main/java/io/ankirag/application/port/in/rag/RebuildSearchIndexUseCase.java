package io.ankirag.application.port.in.rag;

/** The search index is a projection of card events; rebuilding it re-embeds every card with the current model. */
public interface RebuildSearchIndexUseCase {

    /**
     * @param model    the embedding model, as {@code provider/name/dimensions}
     * @param position the last event the index has taken in; {@code -1} before the first
     * @param head     the last event stored; the index is current when {@code position >= head}
     */
    record SearchIndexProgress(String model, boolean rebuilding, long position, long head) {

        public boolean caughtUp() {
            return !rebuilding && position >= head;
        }
    }

    /** Clears the index and starts re-embedding every card from the first event; searches see a partial index meanwhile. */
    SearchIndexProgress rebuildIndex();

    SearchIndexProgress indexProgress();
}
