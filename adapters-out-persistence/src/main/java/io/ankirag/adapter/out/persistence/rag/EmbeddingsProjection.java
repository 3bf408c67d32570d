package io.ankirag.adapter.out.persistence.rag;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.rag.CardText;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardDeleted;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardMoved;
import io.ankirag.domain.card.CardEvent.CardRejected;
import io.ankirag.domain.card.CardEvent.CardSyncFailed;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.card.CardStatus;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code card_embeddings}: each live, non-rejected card's text and its embedding under the current model.
 * New and edited texts are embedded per batch of events (see {@link EmbeddingWriteBatch}); other changes are
 * plain updates. Rows of other models only follow moves, status changes and removals.
 */
@Component
@ProcessingGroup(EmbeddingsProcessingGroup.NAME)
class EmbeddingsProjection {

    private final Jdbi jdbi;
    private final EmbedTextsPort embedder;
    private final EmbeddingModelRegistry models;

    EmbeddingsProjection(Jdbi jdbi, EmbedTextsPort embedder, EmbeddingModelRegistry models) {
        this.jdbi = jdbi;
        this.embedder = embedder;
        this.models = models;
    }

    @EventHandler
    void on(CardEvent event) {
        EmbeddingWriteBatch batch = EmbeddingWriteBatch.current(jdbi, embedder, models.current());
        UUID card = event.cardId().value();
        switch (event) {
            case CardCreated created -> {
                if (created.status() != CardStatus.REJECTED) {
                    batch.index(card, created.ownerId().value(), created.deckId().value(), status(created.status()),
                            CardText.of(created.fields()), created.at());
                }
            }
            case CardEdited edited -> batch.reindexText(card, CardText.of(edited.fields()), edited.at());
            case CardMoved moved -> {
                batch.moved(card, moved.toDeckId().value());
                update(event, "deck_id = :value", moved.toDeckId().value());
            }
            case CardApproved approved -> setStatus(batch, event, CardStatus.APPROVED);
            case CardSynced synced -> setStatus(batch, event, CardStatus.SYNCED);
            case CardSyncFailed failed -> setStatus(batch, event, CardStatus.SYNC_FAILED);
            case CardRejected rejected -> remove(batch, card);
            case CardDeleted deleted -> remove(batch, card);
        }
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE card_embeddings"));
    }

    private void setStatus(EmbeddingWriteBatch batch, CardEvent event, CardStatus status) {
        batch.statusChanged(event.cardId().value(), status(status));
        update(event, "status = :value", status(status));
    }

    private void update(CardEvent event, String assignment, Object value) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE card_embeddings SET " + assignment + ", updated_at = :at WHERE card_id = :card")
                .bindByType("value", value, value.getClass())
                .bind("at", utc(event.at()))
                .bind("card", event.cardId().value())
                .execute());
    }

    private void remove(EmbeddingWriteBatch batch, UUID card) {
        batch.removed(card);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM card_embeddings WHERE card_id = :card").bind("card", card).execute());
    }

    private static String status(CardStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
