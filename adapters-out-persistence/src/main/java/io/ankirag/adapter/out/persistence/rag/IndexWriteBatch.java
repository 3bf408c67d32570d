package io.ankirag.adapter.out.persistence.rag;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.rag.TextLanguage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The index writes of one batch of card events, in the token's transaction: each card's row per active model
 * (serving and building), written as JDBC batches when Axon's unit of work prepares to commit, and the cards whose
 * text has no vector yet queued for the workers. Nothing here calls the embedding model, so a model that is slow
 * or down never holds the projection back. A row keeps its vector when its text changes, until the worker has
 * embedded the new text; a replay therefore keeps every vector whose text ends up unchanged, and embeds nothing
 * twice. Rows are only rewritten when something in them changes: every new row version costs an insert into each
 * of the table's indexes, the HNSW graph's included.
 */
final class IndexWriteBatch {

    private static final String UPSERT = """
            INSERT INTO card_embeddings (card_id, model_id, owner_id, deck_id, status, tags, content_text, language, updated_at)
            SELECT :card, m.id, :owner, :deck, :status, :tags, :text, :language, :at
            FROM embedding_models m WHERE m.state IN ('serving', 'building')
            ON CONFLICT (card_id, model_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, deck_id = EXCLUDED.deck_id,
                status = EXCLUDED.status, tags = EXCLUDED.tags, content_text = EXCLUDED.content_text,
                language = EXCLUDED.language, updated_at = EXCLUDED.updated_at,
                embedding = CASE WHEN EXCLUDED.content_text = '' THEN NULL ELSE card_embeddings.embedding END,
                embedded_hash = CASE WHEN EXCLUDED.content_text = '' THEN NULL ELSE card_embeddings.embedded_hash END
            WHERE (card_embeddings.owner_id, card_embeddings.deck_id, card_embeddings.status, card_embeddings.tags,
                   card_embeddings.content_text, card_embeddings.language, card_embeddings.updated_at)
                  IS DISTINCT FROM (EXCLUDED.owner_id, EXCLUDED.deck_id, EXCLUDED.status, EXCLUDED.tags,
                   EXCLUDED.content_text, EXCLUDED.language, EXCLUDED.updated_at)
            """;
    private static final String UPDATE_TEXT = """
            UPDATE card_embeddings SET tags = :tags, content_text = :text, language = :language, updated_at = :at,
                embedding = CASE WHEN :text = '' THEN NULL ELSE embedding END,
                embedded_hash = CASE WHEN :text = '' THEN NULL ELSE embedded_hash END
            WHERE card_id = :card
              AND (tags, content_text, language, updated_at) IS DISTINCT FROM (CAST(:tags AS text[]), :text, :language, :at)
            """;
    /** A text already queued keeps its attempts and backoff; a new text starts afresh and takes the entry back from any worker. */
    private static final String ENQUEUE = """
            INSERT INTO embedding_queue (card_id, model_id, text_hash)
            SELECT e.card_id, e.model_id, md5(e.content_text)::uuid
            FROM card_embeddings e JOIN embedding_models m ON m.id = e.model_id AND m.state IN ('serving', 'building')
            WHERE e.card_id = ANY(:cards) AND e.content_text <> ''
              AND e.embedded_hash IS DISTINCT FROM md5(e.content_text)::uuid
            ON CONFLICT (card_id, model_id) DO UPDATE SET text_hash = EXCLUDED.text_hash, attempts = 0, last_error = NULL,
                last_failed_at = NULL, next_attempt_at = now(), claim = NULL, queued_at = now()
            WHERE embedding_queue.text_hash <> EXCLUDED.text_hash
            """;
    private static final String DEQUEUE_CURRENT = """
            DELETE FROM embedding_queue q USING card_embeddings e
            WHERE e.card_id = ANY(:cards) AND q.card_id = e.card_id AND q.model_id = e.model_id
              AND (e.content_text = '' OR e.embedded_hash = md5(e.content_text)::uuid)
            """;

    /** A created card (owner known: a whole row) or an edit of an indexed one (owner null: text and tags only). */
    private static final class Pending {
        final UUID owner;
        UUID deck;
        String status;
        List<String> tags;
        String text;
        Instant at;

        Pending(UUID owner, UUID deck, String status, List<String> tags, String text, Instant at) {
            this.owner = owner;
            this.deck = deck;
            this.status = status;
            this.tags = tags;
            this.text = text;
            this.at = at;
        }

        boolean wholeRow() {
            return owner != null;
        }
    }

    private final Jdbi jdbi;
    private final Runnable afterCommit;
    private final Map<UUID, Pending> pending = new LinkedHashMap<>();

    private IndexWriteBatch(Jdbi jdbi, Runnable afterCommit) {
        this.jdbi = jdbi;
        this.afterCommit = afterCommit;
    }

    /**
     * The batch of the unit of work in progress, which holds the models lock (shared) from its first write on;
     * outside one, a batch that writes at once in a transaction of its own.
     */
    static IndexWriteBatch current(Jdbi jdbi, Runnable afterCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new IndexWriteBatch(jdbi, afterCommit);
        }
        var root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(IndexWriteBatch.class.getName(), key -> {
            IndexWriteBatch batch = new IndexWriteBatch(jdbi, afterCommit);
            jdbi.useHandle(IndexedModelsLock::shared);
            root.onPrepareCommit(unitOfWork -> batch.flush());
            root.afterCommit(unitOfWork -> afterCommit.run());
            return batch;
        });
    }

    void index(UUID card, UUID owner, UUID deck, String status, List<String> tags, String text, Instant at) {
        pending.put(card, new Pending(owner, deck, status, tags, text, at));
        flushOutsideUnitOfWork();
    }

    void reindexText(UUID card, List<String> tags, String text, Instant at) {
        Pending known = pending.get(card);
        if (known != null) {
            known.tags = tags;
            known.text = text;
            known.at = at;
        } else {
            pending.put(card, new Pending(null, null, null, tags, text, at));
        }
        flushOutsideUnitOfWork();
    }

    /** A change to rows already written; a card still pending in this batch takes it through {@code pendingChange}. */
    private void change(UUID card, Consumer<Handle> rows, Consumer<Pending> pendingChange) {
        Pending known = pending.get(card);
        if (known != null && known.wholeRow()) {
            pendingChange.accept(known);
        }
        write(rows);
    }

    void moved(UUID card, UUID deck, Consumer<Handle> rows) {
        change(card, rows, row -> row.deck = deck);
    }

    void statusChanged(UUID card, String status, Consumer<Handle> rows) {
        change(card, rows, row -> row.status = status);
    }

    void removed(UUID card, Consumer<Handle> rows) {
        pending.remove(card);
        write(rows);
    }

    private void write(Consumer<Handle> rows) {
        if (CurrentUnitOfWork.isStarted()) {
            jdbi.useHandle(rows::accept);
        } else {
            jdbi.useTransaction(h -> {
                IndexedModelsLock.shared(h);
                rows.accept(h);
            });
        }
    }

    private void flushOutsideUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbi.useTransaction(h -> {
                IndexedModelsLock.shared(h);
                flush(h);
            });
            afterCommit.run();
        }
    }

    void flush() {
        jdbi.useHandle(this::flush);
    }

    private void flush(Handle h) {
        if (pending.isEmpty()) {
            return;
        }
        PreparedBatch upserts = h.prepareBatch(UPSERT);
        PreparedBatch updates = h.prepareBatch(UPDATE_TEXT);
        List<UUID> cards = new ArrayList<>(pending.size());
        for (Map.Entry<UUID, Pending> entry : pending.entrySet()) {
            Pending card = entry.getValue();
            cards.add(entry.getKey());
            PreparedBatch batch = card.wholeRow() ? upserts : updates;
            batch.bind("card", entry.getKey())
                    .bindArray("tags", String.class, card.tags)
                    .bind("text", card.text)
                    .bind("language", TextLanguage.detect(card.text).code())
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
        h.createUpdate(ENQUEUE).bindArray("cards", UUID.class, cards).execute();
        h.createUpdate(DEQUEUE_CURRENT).bindArray("cards", UUID.class, cards).execute();
        pending.clear();
    }
}
