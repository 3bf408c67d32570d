package io.ankirag.adapter.out.persistence.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort;
import io.ankirag.domain.card.CardId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code embedding_queue}, shared by every worker of every instance through {@code FOR UPDATE SKIP LOCKED}. */
@Component
class JdbiEmbeddingQueue implements EmbeddingQueuePort {

    private static final String CLAIM = """
            WITH due AS (
                SELECT card_id FROM embedding_queue
                WHERE model_id = :model AND next_attempt_at <= now()
                ORDER BY attempts, next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            UPDATE embedding_queue q SET claim = :claim, next_attempt_at = now() + :leaseMillis * interval '1 millisecond'
            FROM due, card_embeddings e
            WHERE q.model_id = :model AND q.card_id = due.card_id AND e.card_id = q.card_id AND e.model_id = q.model_id
            RETURNING q.card_id, q.attempts, e.content_text
            """;
    /**
     * One statement per batch, one round trip: the vectors are stored only while the card still has the text that
     * was embedded (else the projection has queued the new one), and the queue rows asking for exactly those texts
     * go (a data-modifying CTE runs whether or not the rest reads it).
     */
    private static final String STORE = """
            WITH batch AS (
                SELECT * FROM unnest(CAST(:cards AS uuid[]), CAST(:texts AS text[]), CAST(:embeddings AS text[]))
                     AS b(card_id, text, embedding)),
            stored AS (
                UPDATE card_embeddings e SET embedding = CAST(batch.embedding AS vector), embedded_hash = md5(e.content_text)::uuid
                FROM batch
                WHERE e.card_id = batch.card_id AND e.model_id = :model AND e.content_text = batch.text
                RETURNING e.card_id)
            DELETE FROM embedding_queue q USING batch
            WHERE q.card_id = batch.card_id AND q.model_id = :model AND q.text_hash = md5(batch.text)::uuid
            """;
    private static final String PARK = """
            UPDATE embedding_queue SET attempts = attempts + 1, last_error = :error, last_failed_at = now(), claim = NULL,
                next_attempt_at = now() + LEAST(:maxMillis, :firstMillis * power(2, LEAST(attempts, 40))) * interval '1 millisecond'
            WHERE model_id = :model AND card_id = ANY(:cards) AND claim = :claim
            """;
    private static final int MAX_ERROR_LENGTH = 2_000;
    private static final int MAX_WRITE_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final JdbiSearchIndexModels models;
    private final EmbeddingQueueSignal signal;
    private final Duration lease;

    JdbiEmbeddingQueue(Jdbi jdbi, JdbiSearchIndexModels models, EmbeddingQueueSignal signal,
                       @Value("${ankirag.embedding.worker.lease:10m}") Duration lease) {
        this.jdbi = jdbi;
        this.models = models;
        this.signal = signal;
        this.lease = lease;
    }

    @Override
    public Claim claim(EmbeddingModelInfo model, int limit) {
        String token = UUID.randomUUID().toString();
        List<QueuedText> texts = models.indexed(model)
                .map(indexed -> jdbi.inTransaction(h -> relaxedCommit(h).createQuery(CLAIM)
                        .bind("model", indexed.id())
                        .bind("limit", limit)
                        .bind("claim", UUID.fromString(token))
                        .bind("leaseMillis", lease.toMillis())
                        .map((rs, ctx) -> new QueuedText(new CardId(rs.getObject("card_id", UUID.class)),
                                rs.getString("content_text"), rs.getInt("attempts")))
                        .list()))
                .orElse(List.of());
        return new Claim(model, token, texts);
    }

    @Override
    public void store(Claim claim, List<float[]> vectors) {
        if (vectors.size() != claim.texts().size()) {
            throw new IllegalArgumentException(vectors.size() + " vectors for " + claim.texts().size() + " texts");
        }
        if (vectors.isEmpty()) {
            return;
        }
        UUID model = models.indexed(claim.model()).orElseThrow().id();
        // Rows in one order in every writer keep two overlapping batches from deadlocking.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> claim.texts().get(i).card().value()));
        for (int attempt = 1; ; attempt++) {
            try {
                write(claim, vectors, model, order);
                return;
            } catch (JdbiException failed) {
                // A projection batch touching the same cards in another order may deadlock with this one; PostgreSQL
                // aborts one of the two, and trying again is the documented answer. Anything else goes up.
                if (attempt == MAX_WRITE_ATTEMPTS || !retryable(failed)) {
                    throw failed;
                }
            }
        }
    }

    private void write(Claim claim, List<float[]> vectors, UUID model, List<Integer> order) {
        List<UUID> cards = new ArrayList<>(order.size());
        List<String> texts = new ArrayList<>(order.size());
        List<String> embeddings = new ArrayList<>(order.size());
        for (int i : order) {
            QueuedText text = claim.texts().get(i);
            cards.add(text.card().value());
            texts.add(text.text());
            embeddings.add(VectorLiteral.of(vectors.get(i)));
        }
        jdbi.useTransaction(h -> relaxedCommit(h).createUpdate(STORE)
                .bindArray("cards", UUID.class, cards)
                .bindArray("texts", String.class, texts)
                .bindArray("embeddings", String.class, embeddings)
                .bind("model", model)
                .execute());
    }

    /**
     * The workers' transactions do not wait for their commit to reach the disk: should the database crash in the
     * instant after, a claim or a stored vector is lost together with its queue change, and the card is simply
     * embedded again. That is worth a flush saved twice per batch.
     */
    private static Handle relaxedCommit(Handle h) {
        h.execute("SET LOCAL synchronous_commit = off");
        return h;
    }

    /** Deadlock detected or serialization failure: SQLSTATE class 40, transaction rollback. */
    private static boolean retryable(JdbiException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            // A batch reports its statement's failure as the next exception of a BatchUpdateException.
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void park(Claim claim, String error, Backoff backoff) {
        if (claim.texts().isEmpty()) {
            return;
        }
        UUID model = models.indexed(claim.model()).orElseThrow().id();
        String message = error == null ? "unknown error" : error;
        jdbi.useHandle(h -> h.createUpdate(PARK)
                .bind("error", message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message)
                .bind("firstMillis", backoff.first().toMillis())
                .bind("maxMillis", backoff.max().toMillis())
                .bind("model", model)
                .bindArray("cards", UUID.class, claim.texts().stream().map(text -> text.card().value()).toList())
                .bind("claim", UUID.fromString(claim.token()))
                .execute());
    }

    @Override
    public void awaitQueued(Duration patience) throws InterruptedException {
        signal.await(patience);
    }
}
