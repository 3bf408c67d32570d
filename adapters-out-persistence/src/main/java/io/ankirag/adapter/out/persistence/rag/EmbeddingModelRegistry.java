package io.ankirag.adapter.out.persistence.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Registers the configured embedding model in {@code embedding_models} and gives it its own partial HNSW index.
 * Runs once all beans exist (so after Flyway) and before Axon's processors start.
 */
@Component
class EmbeddingModelRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModelRegistry.class);

    /**
     * The model's row id and what its SQL must say. Searches must repeat the index's expression and predicate
     * literally ({@link #vectorType()} cast, {@link #modelPredicate()} as a constant, not a bind parameter):
     * PostgreSQL uses a partial expression index only when it can prove the query implies its predicate.
     */
    record RegisteredModel(UUID id, int dimensions) {

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

    private final Jdbi jdbi;
    private final EmbedTextsPort embedder;
    private volatile RegisteredModel current;

    EmbeddingModelRegistry(Jdbi jdbi, EmbedTextsPort embedder) {
        this.jdbi = jdbi;
        this.embedder = embedder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        current();
    }

    RegisteredModel current() {
        RegisteredModel model = current;
        if (model == null) {
            synchronized (this) {
                if (current == null) {
                    current = register(embedder.model());
                }
                model = current;
            }
        }
        return model;
    }

    private RegisteredModel register(EmbeddingModelInfo info) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO embedding_models (id, provider, name, dimensions) VALUES (:id, :provider, :name, :dims)
                            ON CONFLICT (provider, name, dimensions) DO NOTHING
                            """)
                    .bind("id", UUID.randomUUID())
                    .bind("provider", info.provider())
                    .bind("name", info.name())
                    .bind("dims", info.dimensions())
                    .execute();
            UUID id = h.createQuery("SELECT id FROM embedding_models WHERE provider = :provider AND name = :name AND dimensions = :dims")
                    .bind("provider", info.provider())
                    .bind("name", info.name())
                    .bind("dims", info.dimensions())
                    .mapTo(UUID.class)
                    .one();
            RegisteredModel model = new RegisteredModel(id, info.dimensions());
            // Every part comes from our own row (a UUID and an int), never from a request.
            h.execute("CREATE INDEX IF NOT EXISTS " + model.indexName() + " ON card_embeddings USING hnsw (("
                    + "embedding::" + model.vectorType() + ") vector_cosine_ops) WHERE " + model.modelPredicate());
            log.info("Search index: model {} is {}, HNSW index {}", info, id, model.indexName());
            return model;
        });
    }
}
