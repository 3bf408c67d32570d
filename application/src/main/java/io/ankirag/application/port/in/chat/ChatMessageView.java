package io.ankirag.application.port.in.chat;

import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSource;
import java.time.Instant;
import java.util.List;

/**
 * One message of a session, numbered from 1 in the order written.
 *
 * @param model        the model that answered; {@code null} for the learner's messages
 * @param finishReason {@code stop}, {@code error} or {@code cancelled} for answers; {@code null} for questions
 * @param complete     false for an answer that broke off (its text is what had been written); true for questions
 */
public record ChatMessageView(ChatMessageId id, int sequence, Role role, String content, String model, int inputTokens,
                              int outputTokens, List<ChatSource> sources, String finishReason, boolean complete,
                              Instant createdAt) {

    public enum Role {
        USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ChatMessageView {
        sources = List.copyOf(sources);
    }
}
