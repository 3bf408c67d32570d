package io.ankirag.domain.deck;

import io.ankirag.domain.user.UserId;
import java.time.Instant;

public sealed interface DeckEvent {

    DeckId deckId();

    Instant at();

    record DeckCreated(DeckId deckId, UserId ownerId, String name, String description, DeckId parentId, Instant at)
            implements DeckEvent {
    }

    record DeckRenamed(DeckId deckId, String name, Instant at) implements DeckEvent {
    }

    record DeckDescribed(DeckId deckId, String description, Instant at) implements DeckEvent {
    }

    /** @param parentId {@code null} when the deck became top-level */
    record DeckMoved(DeckId deckId, DeckId previousParentId, DeckId parentId, Instant at) implements DeckEvent {
    }

    record DeckDeleted(DeckId deckId, Instant at) implements DeckEvent {
    }
}
