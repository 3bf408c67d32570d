package io.ankirag.adapter.out.persistence.rag;

/**
 * The search index is its own projection: it calls the embedding model, which may be slow or down, so it must
 * neither hold back the library's tables nor be waited for by read-your-writes (bootstrap leaves it out).
 */
public final class EmbeddingsProcessingGroup {

    public static final String NAME = "embeddings";

    private EmbeddingsProcessingGroup() {
    }
}
