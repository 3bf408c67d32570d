package io.ankirag.domain.chat;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;

public sealed interface ChatSessionEvent {

    ChatSessionId sessionId();

    Instant at();

    /** @param deckId {@code null} for all the owner's decks; @param topic {@code null} for none */
    record ChatSessionStarted(ChatSessionId sessionId, UserId ownerId, String title, DeckId deckId, String topic, Instant at)
            implements ChatSessionEvent {
    }

    record QuestionAsked(ChatSessionId sessionId, ChatMessageId messageId, String content, Instant at) implements ChatSessionEvent {
    }

    /** @param complete false when the answer broke off; {@code content} is then what had been written */
    record AnswerRecorded(ChatSessionId sessionId, ChatMessageId messageId, ChatMessageId questionId, String content,
                          String model, int inputTokens, int outputTokens, List<ChatSource> sources, String finishReason,
                          boolean complete, Instant at) implements ChatSessionEvent {

        public AnswerRecorded {
            sources = List.copyOf(sources);
        }
    }

    record ChatSessionRenamed(ChatSessionId sessionId, String title, Instant at) implements ChatSessionEvent {
    }

    record ChatSessionArchived(ChatSessionId sessionId, Instant at) implements ChatSessionEvent {
    }

    record ChatSessionRestored(ChatSessionId sessionId, Instant at) implements ChatSessionEvent {
    }

    record ChatSessionDeleted(ChatSessionId sessionId, Instant at) implements ChatSessionEvent {
    }
}
