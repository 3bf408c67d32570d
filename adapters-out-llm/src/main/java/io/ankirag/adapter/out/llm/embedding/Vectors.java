package io.ankirag.adapter.out.llm.embedding;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The checks and arithmetic both embedders share: input texts, batches, unit length. */
final class Vectors {

    private Vectors() {
    }

    /** Null is a programming error; a blank text is refused because no model gives it a meaningful vector. */
    static void requireEmbeddable(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            String text = Objects.requireNonNull(texts.get(i), "texts[" + i + "]");
            if (text.isBlank()) {
                throw new DomainException(ErrorCode.RAG_001, "Text " + i + " is blank: there is nothing to embed");
            }
        }
    }

    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    /** A fresh unit-length copy, so that cosine similarity is a dot product; checks the length first. */
    static float[] normalised(float[] vector, int dimensions, String source) {
        if (vector.length != dimensions) {
            throw new DomainException(ErrorCode.RAG_001, source + " gave a vector of " + vector.length
                    + " dimensions, expected " + dimensions + " (EMBEDDING_DIMENSIONS)");
        }
        double sumOfSquares = 0;
        for (float component : vector) {
            if (!Float.isFinite(component)) {
                throw new DomainException(ErrorCode.RAG_001, source + " gave a vector with a non-finite component");
            }
            sumOfSquares += (double) component * component;
        }
        if (sumOfSquares == 0) {
            throw new DomainException(ErrorCode.RAG_001, source + " gave a zero vector, which has no direction");
        }
        double norm = Math.sqrt(sumOfSquares);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
