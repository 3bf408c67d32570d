package io.ankirag.application.port.out.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.List;

/**
 * The embedding models the search index holds vectors of (spec 4.1 {@code embedding_models}). One model serves
 * searches. A newly configured model is built beside it, its vectors written in the background, and takes over
 * once every indexed card has one; the previous model's vectors are then dropped. So changing the model never
 * leaves searches without an index.
 */
public interface SearchIndexModelsPort {

    enum ModelState {
        /** its vectors answer searches */
        SERVING,
        /** its vectors are being written; it serves once all are */
        BUILDING,
        /** no longer indexed */
        RETIRED
    }

    /** @param serving {@code null} before any model is registered; @param building {@code null} unless a switch is under way */
    record IndexModels(EmbeddingModelInfo serving, EmbeddingModelInfo building) {
    }

    /**
     * @param cards    cards indexed under the model (those with text or without)
     * @param embedded of those, cards whose vector matches their current text
     * @param pending  cards queued for a vector and not failed yet
     * @param failed   cards whose embedding failed at least once, waiting to be retried
     * @param lastError the latest failure's message among the queued cards, {@code null} when none failed
     */
    record ModelProgress(EmbeddingModelInfo model, ModelState state, long cards, long embedded, long pending,
                         long failed, String lastError) {
    }

    /**
     * Makes {@code wanted} the model the index is kept for: it serves at once when no model serves yet; when
     * another serves, it is built beside it (every indexed card queued for a vector). Any other model being built
     * is dropped, also when {@code wanted} is the serving model (configured back before a switch completed).
     * Registering the serving or building model again changes nothing else. Safe to call from several instances
     * at once.
     */
    IndexModels register(EmbeddingModelInfo wanted);

    IndexModels models();

    /**
     * Switches searches to {@code model} if it is being built and no card waits for its vector any more; the
     * model that served is retired and its vectors dropped.
     *
     * @return whether {@code model} serves now
     */
    boolean serveIfComplete(EmbeddingModelInfo model);

    /** Every model that serves or is being built, serving first. */
    List<ModelProgress> progress();
}
