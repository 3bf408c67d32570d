package io.ankirag.adapter.out.persistence.rag;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.adapter.out.persistence.rag.EmbeddingModelRegistry.RegisteredModel;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The texts to embed in one batch of card events, embedded in a single call when Axon's unit of work prepares to
 * commit and written as JDBC batches in the token's transaction: an import of hundreds of cards costs one call
 * to the model (which splits it into its own batches), not one per card. If the model fails ({@code RAG_001}),
 * the whole batch rolls back and the processor retries it later, so no card is skipped.
 */
final class EmbeddingWriteBatch {

    private static final String UPSERT = """
            INSERT INTO card_embeddings (card_id, model_id, owner_id, deck_id, status, content_text, embedding, updated_at)
            VALUES (:card, :model, :owner, :deck, :status, :text, CAST(:embedding AS vector), :at)
            ON CONFLICT (card_id, model_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, deck_id = EXCLUDED.deck_id,
                status = EXCLUDED.status, content_text = EXCLUDED.content_text, embedding = EXCLUDED.embedding,
                updated_at = EXCLUDED.updated_at
            """;
    private static final String UPDATE_TEXT = """
            UPDATE card_embeddings SET content_text = :text, embedding = CAST(:embedding AS vector), updated_at = :at
            WHERE card_id = :card AND model_id = :model
            """;

    /** A created card (owner known: a whole row) or an edit of an indexed one (owner null: text only). */
    private static final class Pending {
        final UUID owner;
        UUID deck;
        String status;
        String text;
        Instant at;

        Pending(UUID owner, UUID deck, String status, String text, Instant at) {
            this.owner = owner;
            this.deck = deck;
            this.status = status;
            this.text = text;
            this.at = at;
        }

        boolean wholeRow() {
            return owner != null;
        }
    }

    private final Jdbi jdbi;
    private final EmbedTextsPort embedder;
    private final RegisteredModel model;
    private final Map<UUID, Pending> pending = new LinkedHashMap<>();

    private EmbeddingWriteBatch(Jdbi jdbi, EmbedTextsPort embedder, RegisteredModel model) {
        this.jdbi = jdbi;
        this.embedder = embedder;
        this.model = model;
    }

    /** The batch of the unit of work in progress; outside one, a batch that writes at once. */
    static EmbeddingWriteBatch current(Jdbi jdbi, EmbedTextsPort embedder, RegisteredModel model) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new EmbeddingWriteBatch(jdbi, embedder, model);
        }
        var root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(EmbeddingWriteBatch.class.getName(), key -> {
            EmbeddingWriteBatch batch = new EmbeddingWriteBatch(jdbi, embedder, model);
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    void index(UUID card, UUID owner, UUID deck, String status, String text, Instant at) {
        pending.put(card, new Pending(owner, deck, status, text, at));
        flushOutsideUnitOfWork();
    }

    void reindexText(UUID card, String text, Instant at) {
        Pending known = pending.get(card);
        if (known != null) {
            known.text = text;
            known.at = at;
        } else {
            pending.put(card, new Pending(null, null, null, text, at));
        }
        flushOutsideUnitOfWork();
    }

    /** Keeps a not yet written row in step with a change that is also applied to the table directly. */
    void moved(UUID card, UUID deck) {
        Pending known = pending.get(card);
        if (known != null && known.wholeRow()) {
            known.deck = deck;
        }
    }

    void statusChanged(UUID card, String status) {
        Pending known = pending.get(card);
        if (known != null && known.wholeRow()) {
            known.status = status;
        }
    }

    void removed(UUID card) {
        pending.remove(card);
    }

    private void flushOutsideUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Pending>> entries = new ArrayList<>(pending.entrySet());
        List<String> texts = entries.stream().map(e -> e.getValue().text).filter(text -> !text.isEmpty()).toList();
        List<float[]> vectors = embedder.embed(texts, EmbeddingPurpose.DOCUMENT);
        jdbi.useHandle(h -> {
            PreparedBatch upserts = h.prepareBatch(UPSERT);
            PreparedBatch updates = h.prepareBatch(UPDATE_TEXT);
            int next = 0;
            for (Map.Entry<UUID, Pending> entry : entries) {
                Pending card = entry.getValue();
                String vector = card.text.isEmpty() ? null : literal(vectors.get(next++));
                PreparedBatch batch = card.wholeRow() ? upserts : updates;
                batch.bind("card", entry.getKey())
                        .bind("model", model.id())
                        .bind("text", card.text)
                        .bind("embedding", vector)
                        .bind("at", utc(card.at));
                if (card.wholeRow()) {
                    batch.bind("owner", card.owner).bind("deck", card.deck).bind("status", card.status);
                }
                batch.add();
            }
            if (upserts.size() > 0) {
                upserts.execute();
            }
            if (updates.size() > 0) {
                updates.execute();
            }
        });
        pending.clear();
    }

    /** pgvector's text form, {@code [0.1,-0.2,...]}. */
    static String literal(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(vector[i]);
        }
        return out.append(']').toString();
    }
}
