package io.ankirag.domain.chat;

import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public sealed interface ChatSessionCommand extends AggregateCommand {

    ChatSessionId sessionId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return sessionId().value();
    }

    record StartChatSession(ChatSessionId sessionId, UserId actor, ChatTitle title, ChatContext context, Instant at)
            implements ChatSessionCommand {
    }

    /** The learner asks; refused while an answer to the previous question is still being written. */
    record AskQuestion(ChatSessionId sessionId, UserId actor, ChatMessageId messageId, ChatMessageContent content, Instant at)
            implements ChatSessionCommand {
    }

    /**
     * The assistant's answer to {@code questionId}, whole or as far as it got.
     *
     * @param complete     false when the stream broke off (model failure, client gone): {@code content} is partial
     * @param finishReason {@code stop}, {@code error} or {@code cancelled}
     */
    record RecordAnswer(ChatSessionId sessionId, UserId actor, ChatMessageId messageId, ChatMessageId questionId,
                        String content, String model, int inputTokens, int outputTokens, List<ChatSource> sources,
                        String finishReason, boolean complete, Instant at) implements ChatSessionCommand {

        public RecordAnswer {
            content = content == null ? "" : content;
            sources = List.copyOf(sources);
        }
    }

    record RenameChatSession(ChatSessionId sessionId, UserId actor, ChatTitle title, Instant at) implements ChatSessionCommand {
    }

    record ArchiveChatSession(ChatSessionId sessionId, UserId actor, Instant at) implements ChatSessionCommand {
    }

    record RestoreChatSession(ChatSessionId sessionId, UserId actor, Instant at) implements ChatSessionCommand {
    }

    record DeleteChatSession(ChatSessionId sessionId, UserId actor, Instant at) implements ChatSessionCommand {
    }
}
