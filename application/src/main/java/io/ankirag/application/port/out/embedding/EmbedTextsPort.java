package io.ankirag.application.port.out.embedding;

import java.util.List;
import java.util.Objects;

/**
 * Turns texts into vectors for semantic search and duplicate detection over a learner's cards.
 *
 * <p>Contract:
 * <ul>
 *   <li>One vector per text, in the order given; every vector has {@link EmbeddingModelInfo#dimensions()} floats
 *       and unit length, so cosine similarity is a dot product (pgvector's {@code <=>} works either way).</li>
 *   <li>The same model, text and purpose give the same vector whatever else is in the call: callers may pass any
 *       number of texts, and the adapter splits them into batches of its configured size
 *       ({@code EMBEDDING_BATCH_SIZE}) itself. An empty list answers an empty list without work.</li>
 *   <li>{@link EmbeddingPurpose} says what a text is for; models trained with instructions (the e5 family wants
 *       {@code "query: "} and {@code "passage: "}) get them from the adapter, which knows its model. Callers pass
 *       plain text and never add prefixes.</li>
 *   <li>Calls block (an in-process model computes, a remote one waits on the network, with retries) and may take
 *       seconds for large lists: do not hold a database transaction open around them. Implementations are safe
 *       for concurrent use.</li>
 * </ul>
 *
 * <p>Vectors of different {@link #model()}s are not comparable: whoever stores them keeps the model info beside
 * them and re-embeds when it changes.
 */
public interface EmbedTextsPort {

    /** What a text is: the learner's question, or a card's content to be found. */
    enum EmbeddingPurpose {
        QUERY,
        DOCUMENT
    }

    /**
     * @param provider   where vectors come from ({@code onnx} in-process, {@code openai} for a remote
     *                   OpenAI-compatible endpoint)
     * @param name       the model's name, as configured ({@code all-minilm-l6-v2-q}, {@code multilingual-e5-small})
     * @param dimensions length of every vector this model gives
     */
    record EmbeddingModelInfo(String provider, String name, int dimensions) {

        public EmbeddingModelInfo {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(name, "name");
            if (dimensions <= 0) {
                throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
            }
        }
    }

    /** The model every vector of {@link #embed} comes from; fixed for the life of the adapter. */
    EmbeddingModelInfo model();

    /**
     * @param texts   the texts to embed; none may be null or blank
     * @param purpose what the texts are for
     * @return one unit-length vector of {@code model().dimensions()} floats per text, in order; the arrays are the
     *         caller's to keep
     * @throws io.ankirag.domain.error.DomainException {@code RAG_001} with a sentence naming the cause when a text is
     *                                                 blank, the model fails, or the remote endpoint is unreachable,
     *                                                 times out after its retries, answers an error status,
     *                                                 malformed JSON, the wrong number of vectors or vectors of the
     *                                                 wrong length; never a raw technical exception
     */
    List<float[]> embed(List<String> texts, EmbeddingPurpose purpose);
}
