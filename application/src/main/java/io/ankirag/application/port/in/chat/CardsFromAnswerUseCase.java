package io.ankirag.application.port.in.chat;

import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationAccepted;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;

/** Turns an assistant's answer into a card generation job: the answer is the material the cards are drawn from. */
public interface CardsFromAnswerUseCase {

    /**
     * All optional, as for {@code POST /api/generate}.
     *
     * @param deckId the caller's deck for the cards; the session's deck, else the default deck, when left out
     */
    record CardsFromAnswerOrder(Integer numCards, DeckId deckId, String language, String difficulty, String idempotencyKey) {
    }

    /**
     * @throws io.ankirag.domain.error.DomainException {@code CHAT_001} not the caller's session, {@code CHAT_004} no
     *                                                 assistant answer with that id in it, and whatever
     *                                                 {@link io.ankirag.application.port.in.generation.RequestGenerationUseCase}
     *                                                 refuses (the generation rate limit among them)
     */
    GenerationAccepted cardsFromAnswer(UserId caller, ChatSessionId session, ChatMessageId answer, CardsFromAnswerOrder order);
}
