package io.ankirag.adapter.out.persistence.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code embedding_models} and what hangs off each: a partial HNSW index per model, created when the model is
 * registered (a migration cannot know which model an installation configures), and the model's rows in
 * {@code card_embeddings}, copied from the serving model's when it starts building and dropped when it retires.
 */
@Component
class JdbiSearchIndexModels implements SearchIndexModelsPort {

    private static final Logger log = LoggerFactory.getLogger(JdbiSearchIndexModels.class);

    private final Jdbi jdbi;
    private final int hnswM;
    private final int hnswEfConstruction;
    /** Row ids never change and rows are never deleted, so a model's id is looked up once. */
    private final Map<EmbeddingModelInfo, IndexedModel> known = new ConcurrentHashMap<>();

    JdbiSearchIndexModels(Jdbi jdbi,
                          @Value("${ankirag.search.hnsw.m:16}") int hnswM,
                          @Value("${ankirag.search.hnsw.ef-construction:64}") int hnswEfConstruction) {
        this.jdbi = jdbi;
        this.hnswM = hnswM;
        this.hnswEfConstruction = hnswEfConstruction;
    }

    @Override
    public IndexModels register(EmbeddingModelInfo wanted) {
        IndexModels models = jdbi.inTransaction(h -> {
            IndexedModelsLock.exclusive(h);
            h.createUpdate("""
                            INSERT INTO embedding_models (id, provider, name, dimensions) VALUES (:id, :provider, :name, :dims)
                            ON CONFLICT (provider, name, dimensions) DO NOTHING
                            """)
                    .bind("id", UUID.randomUUID())
                    .bind("provider", wanted.provider())
                    .bind("name", wanted.name())
                    .bind("dims", wanted.dimensions())
                    .execute();
            IndexedModel model = indexed(h, wanted).orElseThrow();
            createIndex(h, model);
            String state = h.createQuery("SELECT state FROM embedding_models WHERE id = :id").bind("id", model.id())
                    .mapTo(String.class).one();
            Optional<UUID> serving = h.createQuery("SELECT id FROM embedding_models WHERE state = 'serving'")
                    .mapTo(UUID.class).findOne();
            if (serving.isEmpty()) {
                h.createUpdate("UPDATE embedding_models SET state = 'serving', serving_since = now() WHERE id = :id")
                        .bind("id", model.id()).execute();
                log.info("Search index: {} serves searches", name(wanted));
            } else if (state.equals("serving")) {
                // Configured back before a switch completed: the model being built is not wanted any more.
                if (h.createUpdate("UPDATE embedding_models SET state = 'retired' WHERE state = 'building'").execute() > 0) {
                    log.info("Search index: {} is configured again; the model being built beside it is dropped", name(wanted));
                }
            } else if (state.equals("retired")) {
                h.createUpdate("UPDATE embedding_models SET state = 'retired' WHERE state = 'building'").execute();
                h.createUpdate("UPDATE embedding_models SET state = 'building', dropped_at = NULL WHERE id = :id")
                        .bind("id", model.id()).execute();
                int cards = h.createUpdate("""
                                INSERT INTO card_embeddings (card_id, model_id, owner_id, deck_id, status, tags, content_text,
                                                             language, updated_at)
                                SELECT card_id, :model, owner_id, deck_id, status, tags, content_text, language, updated_at
                                FROM card_embeddings WHERE model_id = :serving
                                ON CONFLICT (card_id, model_id) DO NOTHING
                                """)
                        .bind("model", model.id())
                        .bind("serving", serving.get())
                        .execute();
                h.createUpdate("""
                                INSERT INTO embedding_queue (card_id, model_id, text_hash)
                                SELECT card_id, model_id, md5(content_text)::uuid FROM card_embeddings
                                WHERE model_id = :model AND content_text <> ''
                                ON CONFLICT (card_id, model_id) DO NOTHING
                                """)
                        .bind("model", model.id())
                        .execute();
                log.info("Search index: building {} beside the serving model, {} cards to embed", name(wanted), cards);
            }
            return models(h);
        });
        dropRetired();
        return models;
    }

    @Override
    public IndexModels models() {
        return jdbi.withHandle(this::models);
    }

    @Override
    public boolean serveIfComplete(EmbeddingModelInfo model) {
        Optional<IndexedModel> indexed = indexed(model);
        if (indexed.isEmpty()) {
            return false;
        }
        UUID id = indexed.get().id();
        if (!"building".equals(state(id)) || queued(id)) {
            return "serving".equals(state(id));
        }
        boolean switched = jdbi.inTransaction(h -> {
            IndexedModelsLock.exclusive(h);
            boolean building = "building".equals(h.createQuery("SELECT state FROM embedding_models WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            if (!building || h.createQuery("SELECT EXISTS (SELECT 1 FROM embedding_queue WHERE model_id = :id)")
                    .bind("id", id).mapTo(Boolean.class).one()) {
                return false;
            }
            createIndex(h, indexed.get()); // in case a retirement elsewhere dropped it while this model was registered again
            h.execute("UPDATE embedding_models SET state = 'retired' WHERE state = 'serving'");
            h.createUpdate("UPDATE embedding_models SET state = 'serving', serving_since = now() WHERE id = :id")
                    .bind("id", id).execute();
            return true;
        });
        if (switched) {
            log.info("Search index: every card has its vector of {}, which now serves searches", name(model));
            dropRetired();
        }
        return "serving".equals(state(id));
    }

    @Override
    public List<ModelProgress> progress() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.provider, m.name, m.dimensions, m.state,
                               (SELECT count(*) FROM card_embeddings e WHERE e.model_id = m.id) AS cards,
                               (SELECT count(*) FROM card_embeddings e WHERE e.model_id = m.id AND e.embedding IS NOT NULL) AS embedded,
                               (SELECT count(*) FROM embedding_queue q WHERE q.model_id = m.id AND q.attempts = 0) AS pending,
                               (SELECT count(*) FROM embedding_queue q WHERE q.model_id = m.id AND q.attempts > 0) AS failed,
                               (SELECT q.last_error FROM embedding_queue q WHERE q.model_id = m.id AND q.attempts > 0
                                ORDER BY q.last_failed_at DESC LIMIT 1) AS last_error
                        FROM embedding_models m WHERE m.state IN ('serving', 'building')
                        ORDER BY m.state DESC
                        """)
                .map((rs, ctx) -> new ModelProgress(
                        new EmbeddingModelInfo(rs.getString("provider"), rs.getString("name"), rs.getInt("dimensions")),
                        ModelState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                        rs.getLong("cards"), rs.getLong("embedded"), rs.getLong("pending"), rs.getLong("failed"),
                        rs.getString("last_error")))
                .list());
    }

    private void createIndex(Handle h, IndexedModel model) {
        h.execute("CREATE INDEX IF NOT EXISTS " + model.indexName() + " ON card_embeddings USING hnsw ((embedding::"
                + model.vectorType() + ") vector_cosine_ops) WITH (m = " + hnswM + ", ef_construction = "
                + hnswEfConstruction + ") WHERE " + model.modelPredicate());
    }

    /** The model's row id and dimensions, if it was ever registered. */
    Optional<IndexedModel> indexed(EmbeddingModelInfo model) {
        IndexedModel cached = known.get(model);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbi.withHandle(h -> indexed(h, model));
    }

    private Optional<IndexedModel> indexed(Handle h, EmbeddingModelInfo model) {
        Optional<IndexedModel> found = h.createQuery(
                        "SELECT id FROM embedding_models WHERE provider = :provider AND name = :name AND dimensions = :dims")
                .bind("provider", model.provider())
                .bind("name", model.name())
                .bind("dims", model.dimensions())
                .mapTo(UUID.class)
                .findOne()
                .map(id -> new IndexedModel(id, model.dimensions()));
        found.ifPresent(indexed -> known.put(model, indexed));
        return found;
    }

    private IndexModels models(Handle h) {
        EmbeddingModelInfo serving = null;
        EmbeddingModelInfo building = null;
        for (Map<String, Object> row : h.createQuery(
                "SELECT provider, name, dimensions, state FROM embedding_models WHERE state IN ('serving', 'building')").mapToMap().list()) {
            EmbeddingModelInfo model = new EmbeddingModelInfo((String) row.get("provider"), (String) row.get("name"),
                    (Integer) row.get("dimensions"));
            if ("serving".equals(row.get("state"))) {
                serving = model;
            } else {
                building = model;
            }
        }
        return new IndexModels(serving, building);
    }

    private static String name(EmbeddingModelInfo model) {
        return model.provider() + "/" + model.name() + "/" + model.dimensions();
    }

    private String state(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM embedding_models WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    private boolean queued(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM embedding_queue WHERE model_id = :id)")
                .bind("id", id).mapTo(Boolean.class).one());
    }

    /**
     * Retired models' indexes and rows go outside the switch's transaction: dropping an index concurrently cannot
     * run inside one, and a plain drop would block searches until the transaction ends. Their rows are ignored by
     * every query meanwhile; a crash before this leaves them to the next start's registration.
     */
    private void dropRetired() {
        List<IndexedModel> retired = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, dimensions FROM embedding_models WHERE state = 'retired' AND dropped_at IS NULL")
                .map((rs, ctx) -> new IndexedModel(rs.getObject("id", UUID.class), rs.getInt("dimensions")))
                .list());
        for (IndexedModel model : retired) {
            jdbi.useHandle(h -> {
                h.execute("DROP INDEX CONCURRENTLY IF EXISTS " + model.indexName());
                // Guarded per statement: another instance may register the model again meanwhile.
                String stillRetired = " AND EXISTS (SELECT 1 FROM embedding_models WHERE id = :id AND state = 'retired')";
                int queued = h.createUpdate("DELETE FROM embedding_queue WHERE model_id = :id" + stillRetired)
                        .bind("id", model.id()).execute();
                int rows = h.createUpdate("DELETE FROM card_embeddings WHERE model_id = :id" + stillRetired)
                        .bind("id", model.id()).execute();
                h.createUpdate("UPDATE embedding_models SET dropped_at = now() WHERE id = :id AND state = 'retired'")
                        .bind("id", model.id()).execute();
                if (rows > 0 || queued > 0) {
                    log.info("Search index: dropped the vectors of retired model {} ({} cards)", model.id(), rows);
                }
            });
        }
    }
}
