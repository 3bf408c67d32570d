package io.ankirag.application.port.in.chat;

import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/**
 * A chat session as the session list shows it.
 *
 * @param deckId {@code null} when answers are grounded in all the owner's decks
 * @param topic  {@code null} for none
 */
public record ChatSessionView(ChatSessionId id, UserId ownerId, String title, DeckId deckId, String topic, boolean archived,
                              int messageCount, Instant createdAt, Instant updatedAt) {
}
