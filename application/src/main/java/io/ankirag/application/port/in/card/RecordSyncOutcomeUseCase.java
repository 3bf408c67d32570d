package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;

/** What the sync with Anki reports back about a card (used by the AnkiConnect sync). */
public interface RecordSyncOutcomeUseCase {

    /** @throws io.ankirag.domain.error.DomainException {@code CARD_002} unless approved or sync_failed */
    CardView recordSynced(UserId owner, CardId id, AnkiIds ankiIds);

    /** @throws io.ankirag.domain.error.DomainException {@code CARD_002} unless approved or sync_failed */
    CardView recordSyncFailure(UserId owner, CardId id, String error);
}
