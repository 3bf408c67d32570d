package io.ankirag.adapter.out.persistence.rag;

/**
 * The search index is its own projection, so that it never holds back the library's tables. Read-your-writes does
 * not wait for it (bootstrap leaves it out): its vectors come later from the embedding workers anyway.
 */
public final class EmbeddingsProcessingGroup {

    public static final String NAME = "embeddings";

    private EmbeddingsProcessingGroup() {
    }
}
