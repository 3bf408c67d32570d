package io.ankirag.application.port.in.chat;

import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;

/** Starts, renames, archives, restores and deletes the caller's chat sessions (spec 5.5). */
public interface ManageChatSessionsUseCase {

    /**
     * @param deckId {@code null} to ground answers in all the caller's decks; else that deck and its sub-decks
     * @param topic  what the session is about, told to the assistant; {@code null} for none
     */
    record NewChatSession(String title, DeckId deckId, String topic) {
    }

    /** Either may be {@code null} to leave it as it is. */
    record ChatSessionChanges(String title, Boolean archived) {
    }

    /** @throws io.ankirag.domain.error.DomainException {@code REQ_002} invalid title or topic, {@code DECK_001} a deck not the caller's */
    ChatSessionView startSession(UserId caller, NewChatSession session);

    /** @throws io.ankirag.domain.error.DomainException {@code CHAT_001} not the caller's session, {@code REQ_002} invalid title */
    ChatSessionView changeSession(UserId caller, ChatSessionId id, ChatSessionChanges changes);

    /** @throws io.ankirag.domain.error.DomainException {@code CHAT_001} not the caller's session */
    void deleteSession(UserId caller, ChatSessionId id);
}
