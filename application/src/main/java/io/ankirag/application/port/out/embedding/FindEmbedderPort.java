package io.ankirag.application.port.out.embedding;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.Optional;

/**
 * Embedders for the models the search index holds vectors of. Besides the configured model, the index may still
 * serve searches with the vectors of the previous one while the configured model's are being built; queries must
 * then be embedded by that previous model.
 */
public interface FindEmbedderPort {

    /**
     * @return the configured embedder for its own model; for another model, an embedder this installation can
     *         still reach (the built-in in-process model always; a remote model through the configured endpoint),
     *         or empty when it cannot. Never fails: whether a reached model answers shows when it is called.
     */
    Optional<EmbedTextsPort> embedderFor(EmbeddingModelInfo model);
}
