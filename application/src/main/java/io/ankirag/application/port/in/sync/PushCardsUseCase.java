package io.ankirag.application.port.in.sync;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;
import java.util.List;

/** Spec 5.6 {@code POST /api/sync/push}: sends approved cards to the owner's Anki, as a queued task. */
public interface PushCardsUseCase {

    /**
     * Queues the push of the owner's cards; the task adds new notes, updates those already in Anki and records per
     * card synced or sync_failed.
     *
     * @param viaAgent leave the task to the owner's desktop agent instead of the server's AnkiConnect
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} without cards or with too many;
     *                                                 {@code CARD_001} for a card that is not the owner's
     */
    SyncTaskView push(UserId owner, List<CardId> cards, boolean viaAgent);
}
