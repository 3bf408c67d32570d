package io.ankirag.domain.card;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public sealed interface CardEvent {

    CardId cardId();

    Instant at();

    record CardCreated(CardId cardId, UserId ownerId, DeckId deckId, TemplateId templateId, Map<String, String> fields,
                       List<String> tags, CardStatus status, CardOrigin origin, AnkiIds ankiIds, Instant at)
            implements CardEvent {
    }

    /** Carries the card's complete fields and tags after the edit. */
    record CardEdited(CardId cardId, Map<String, String> fields, List<String> tags, Instant at) implements CardEvent {
    }

    record CardMoved(CardId cardId, DeckId fromDeckId, DeckId toDeckId, Instant at) implements CardEvent {
    }

    record CardApproved(CardId cardId, Instant at) implements CardEvent {
    }

    record CardRejected(CardId cardId, String reason, Instant at) implements CardEvent {
    }

    record CardSynced(CardId cardId, AnkiIds ankiIds, Instant at) implements CardEvent {
    }

    /** @param attempts failed attempts so far, this one included */
    record CardSyncFailed(CardId cardId, String error, int attempts, Instant at) implements CardEvent {
    }

    record CardSyncConflictResolved(CardId cardId, String resolution, Instant at) implements CardEvent {
    }

    record CardDeleted(CardId cardId, DeckId deckId, Instant at) implements CardEvent {
    }
}
