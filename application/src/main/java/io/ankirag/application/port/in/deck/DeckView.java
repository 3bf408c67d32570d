package io.ankirag.application.port.in.deck;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/** A deck as lists show it; {@code cardsCount} counts the cards directly in it, not in its sub-decks. */
public record DeckView(
        DeckId id,
        UserId ownerId,
        String name,
        String description,
        DeckId parentId,
        long cardsCount,
        Instant createdAt,
        Instant updatedAt) {
}
