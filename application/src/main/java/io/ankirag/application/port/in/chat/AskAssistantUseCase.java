package io.ankirag.application.port.in.chat;

import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.chat.ChatSource;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.List;

/**
 * A question to the study assistant, answered from the caller's own cards as the model writes (spec 5.5). Asking is
 * split in two so that refusals come before any answer starts: {@link #ask} checks and records the question, then
 * {@link PendingAnswer#answer} streams the answer to a listener.
 */
public interface AskAssistantUseCase {

    /** A source as the answer's metadata shows it: the stored source and its deck's name. */
    record Source(ChatSource source, String deckName) {
    }

    /** What is known once the answer is whole. */
    record AnswerMetadata(String model, int inputTokens, int outputTokens, List<Source> sources) {

        public AnswerMetadata {
            sources = List.copyOf(sources);
        }

        public int tokens() {
            return inputTokens + outputTokens;
        }
    }

    /**
     * Hears an answer as it is written: chunks, then the metadata and done; or chunks, then an error. A listener that
     * throws from {@link #chunk} has lost its client: the model call is stopped, the partial answer is kept marked
     * incomplete, and nothing more is said to the listener.
     */
    interface AnswerListener {

        void chunk(String text);

        void metadata(AnswerMetadata metadata);

        void done(ChatMessageId answerId);

        void error(ErrorCode code, String message);
    }

    /** A recorded question waiting for its answer. */
    interface PendingAnswer {

        ChatMessageId questionId();

        /** Writes the answer to {@code listener}; returns when it is recorded, whole or not. Call once. */
        void answer(AnswerListener listener);
    }

    /**
     * Checks the question and the session, counts it against the chat rate limit, and records it.
     *
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} blank or overlong content, {@code CHAT_001} not
     *                                                 the caller's session, {@code CHAT_002} an archived session,
     *                                                 {@code CHAT_003} an answer in this session still being written,
     *                                                 {@link io.ankirag.application.ratelimit.RateLimitExceededException}
     *                                                 past the chat rate limit
     */
    PendingAnswer ask(UserId caller, ChatSessionId session, String content);
}
