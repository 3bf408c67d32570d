package io.ankirag.adapter.out.persistence.rag;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.rag.CardText;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardDeleted;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardMoved;
import io.ankirag.domain.card.CardEvent.CardRejected;
import io.ankirag.domain.card.CardEvent.CardSyncConflictResolved;
import io.ankirag.domain.card.CardEvent.CardSyncFailed;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.card.CardStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code card_embeddings}: each live, non-rejected card's text, tags, deck and status, one row per model the
 * index keeps (the serving one, and a new one being built), and queues texts that lack a vector (see
 * {@link IndexWriteBatch}). The vectors themselves are written by the embedding workers, outside this
 * projection's transactions.
 *
 * <p>No reset handler clears the table: replaying rewrites every row to the same end state and keeps the
 * vectors of unchanged texts, so searches go on working during a rebuild.
 */
@Component
@ProcessingGroup(EmbeddingsProcessingGroup.NAME)
class EmbeddingsProjection {

    private final Jdbi jdbi;
    private final EmbeddingQueueSignal signal;

    EmbeddingsProjection(Jdbi jdbi, EmbeddingQueueSignal signal) {
        this.jdbi = jdbi;
        this.signal = signal;
    }

    @EventHandler
    void on(CardEvent event) {
        IndexWriteBatch batch = IndexWriteBatch.current(jdbi, signal::queued);
        UUID card = event.cardId().value();
        switch (event) {
            case CardCreated created -> {
                if (created.status() != CardStatus.REJECTED) {
                    batch.index(card, created.ownerId().value(), created.deckId().value(), status(created.status()),
                            tags(created.tags()), CardText.of(created.fields()), created.at());
                }
            }
            case CardEdited edited -> batch.reindexText(card, tags(edited.tags()), CardText.of(edited.fields()), edited.at());
            case CardMoved moved -> batch.moved(card, moved.toDeckId().value(), h -> h.createUpdate(
                            "UPDATE card_embeddings SET deck_id = :deck, updated_at = :at WHERE card_id = :card"
                            + " AND (deck_id, updated_at) IS DISTINCT FROM (:deck, :at)")
                    .bind("deck", moved.toDeckId().value()).bind("at", utc(moved.at())).bind("card", card).execute());
            case CardApproved approved -> setStatus(batch, event, CardStatus.APPROVED);
            case CardSynced synced -> setStatus(batch, event, CardStatus.SYNCED);
            case CardSyncFailed failed -> setStatus(batch, event, CardStatus.SYNC_FAILED);
            case CardSyncConflictResolved conflict -> { }
            case CardRejected rejected -> remove(batch, card);
            case CardDeleted deleted -> remove(batch, card);
        }
    }

    private static void setStatus(IndexWriteBatch batch, CardEvent event, CardStatus status) {
        batch.statusChanged(event.cardId().value(), status(status), h -> h.createUpdate(
                        "UPDATE card_embeddings SET status = :status, updated_at = :at WHERE card_id = :card"
                        + " AND (status, updated_at) IS DISTINCT FROM (:status, :at)")
                .bind("status", status(status)).bind("at", utc(event.at())).bind("card", event.cardId().value()).execute());
    }

    private static void remove(IndexWriteBatch batch, UUID card) {
        // Index rows before queue rows, in every writer, so that two transactions never wait on each other.
        batch.removed(card, h -> {
            h.createUpdate("DELETE FROM card_embeddings WHERE card_id = :card").bind("card", card).execute();
            h.createUpdate("DELETE FROM embedding_queue WHERE card_id = :card").bind("card", card).execute();
        });
    }

    /** Lower-cased: tags compare ignoring case, as in Anki. */
    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static String status(CardStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
