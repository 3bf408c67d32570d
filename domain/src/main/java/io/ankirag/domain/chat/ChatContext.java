package io.ankirag.domain.chat;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/**
 * What a session is about (spec 5.5): a deck whose subtree grounds the answers, and a topic the assistant is told
 * about. Both are optional; {@link #NONE} grounds answers in all the learner's cards.
 *
 * @param deckId {@code null} for all the learner's decks; the caller has checked that it is the learner's own
 * @param topic  {@code null} for none
 */
public record ChatContext(DeckId deckId, String topic) {

    public static final int MAX_TOPIC_LENGTH = 1_000;
    public static final ChatContext NONE = new ChatContext(null, null);

    public ChatContext {
        if (topic != null) {
            topic = topic.isBlank() ? null : topic.strip();
        }
        if (topic != null && topic.codePointCount(0, topic.length()) > MAX_TOPIC_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "context.topic must be at most " + MAX_TOPIC_LENGTH + " characters");
        }
    }
}
