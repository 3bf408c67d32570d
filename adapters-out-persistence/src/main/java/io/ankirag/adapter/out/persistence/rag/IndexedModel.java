package io.ankirag.adapter.out.persistence.rag;

import java.util.UUID;

/**
 * A model's row id and what its SQL must say. Searches must repeat the model's HNSW index expression and
 * predicate literally ({@link #vectorType()} cast, {@link #modelPredicate()} as a constant, not a bind
 * parameter): PostgreSQL uses a partial expression index only when it can prove the query implies its predicate.
 * Every part comes from our own row (a UUID and an int), never from a request.
 */
record IndexedModel(UUID id, int dimensions) {

    String vectorType() {
        return "vector(" + dimensions + ")";
    }

    String modelPredicate() {
        return "model_id = '" + id + "'";
    }

    String indexName() {
        return "card_embeddings_hnsw_" + id.toString().replace("-", "");
    }
}
