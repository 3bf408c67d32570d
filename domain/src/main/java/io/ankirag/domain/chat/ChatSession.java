package io.ankirag.domain.chat;

import io.ankirag.domain.chat.ChatSessionCommand.ArchiveChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.AskQuestion;
import io.ankirag.domain.chat.ChatSessionCommand.DeleteChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RecordAnswer;
import io.ankirag.domain.chat.ChatSessionCommand.RenameChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.RestoreChatSession;
import io.ankirag.domain.chat.ChatSessionCommand.StartChatSession;
import io.ankirag.domain.chat.ChatSessionEvent.AnswerRecorded;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionArchived;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionDeleted;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionRenamed;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionRestored;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionStarted;
import io.ankirag.domain.chat.ChatSessionEvent.QuestionAsked;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A learner's conversation with the study assistant: {@link Unborn} until started, {@link Open} while in use
 * (archived or not), {@link Deleted} for good.
 *
 * <p>Questions and answers alternate: a question waits for its answer, and a second question while the first is
 * being answered is refused ({@code CHAT_003}), so two streams never interleave in one conversation. A question
 * left unanswered for {@link #ANSWER_TIMEOUT} (its instance died mid-answer) no longer holds the session. An
 * archived session keeps its messages but takes no new question ({@code CHAT_002}). Another user's session answers
 * exactly like a missing one ({@code CHAT_001}).
 */
public sealed interface ChatSession {

    Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    List<ChatSessionEvent> decide(ChatSessionCommand command);

    ChatSession evolve(ChatSessionEvent event);

    static ChatSession initial() {
        return new Unborn();
    }

    record Unborn() implements ChatSession {

        @Override
        public List<ChatSessionEvent> decide(ChatSessionCommand command) {
            if (command instanceof StartChatSession start) {
                return List.of(new ChatSessionStarted(start.sessionId(), start.actor(), start.title().value(),
                        start.context().deckId(), start.context().topic(), start.at()));
            }
            throw notFound(command.sessionId());
        }

        @Override
        public ChatSession evolve(ChatSessionEvent event) {
            if (event instanceof ChatSessionStarted started) {
                return new Open(started.sessionId(), started.ownerId(), started.title(), false, null, null);
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    /**
     * @param awaitingAnswer the question being answered, or {@code null}
     * @param askedAt        when it was asked
     */
    record Open(ChatSessionId id, UserId ownerId, String title, boolean archived, ChatMessageId awaitingAnswer, Instant askedAt)
            implements ChatSession {

        @Override
        public List<ChatSessionEvent> decide(ChatSessionCommand command) {
            if (!ownerId.equals(command.actor())) {
                throw notFound(id);
            }
            return switch (command) {
                case StartChatSession start -> throw new DomainException(ErrorCode.REQ_002, "chat session " + id + " already exists");
                case AskQuestion ask -> ask(ask);
                case RecordAnswer answer -> answer(answer);
                case RenameChatSession rename -> rename.title().value().equals(title)
                        ? List.of()
                        : List.of(new ChatSessionRenamed(id, rename.title().value(), rename.at()));
                case ArchiveChatSession archive -> archived ? List.of() : List.of(new ChatSessionArchived(id, archive.at()));
                case RestoreChatSession restore -> archived ? List.of(new ChatSessionRestored(id, restore.at())) : List.of();
                case DeleteChatSession delete -> List.of(new ChatSessionDeleted(id, delete.at()));
            };
        }

        private List<ChatSessionEvent> ask(AskQuestion ask) {
            if (archived) {
                throw new DomainException(ErrorCode.CHAT_002, "chat session " + id + " is archived; restore it to ask more");
            }
            if (awaitingAnswer != null && ask.at().isBefore(askedAt.plus(ANSWER_TIMEOUT))) {
                throw new DomainException(ErrorCode.CHAT_003, "the answer to the previous message of chat session " + id
                        + " is still being written; send the next message when it is done");
            }
            return List.of(new QuestionAsked(id, ask.messageId(), ask.content().value(), ask.at()));
        }

        private List<ChatSessionEvent> answer(RecordAnswer answer) {
            if (!answer.questionId().equals(awaitingAnswer)) {
                throw new DomainException(ErrorCode.CHAT_004, "message " + answer.questionId() + " of chat session " + id
                        + " is not a question awaiting its answer");
            }
            return List.of(new AnswerRecorded(id, answer.messageId(), answer.questionId(), answer.content(), answer.model(),
                    answer.inputTokens(), answer.outputTokens(), answer.sources(), answer.finishReason(), answer.complete(),
                    answer.at()));
        }

        @Override
        public ChatSession evolve(ChatSessionEvent event) {
            return switch (event) {
                case ChatSessionStarted started -> throw new ImpossibleHistory(this, event);
                case QuestionAsked asked -> new Open(id, ownerId, title, archived, asked.messageId(), asked.at());
                case AnswerRecorded answered -> new Open(id, ownerId, title, archived, null, null);
                case ChatSessionRenamed renamed -> new Open(id, ownerId, renamed.title(), archived, awaitingAnswer, askedAt);
                case ChatSessionArchived archived -> new Open(id, ownerId, title, true, awaitingAnswer, askedAt);
                case ChatSessionRestored restored -> new Open(id, ownerId, title, false, awaitingAnswer, askedAt);
                case ChatSessionDeleted deleted -> new Deleted(id, ownerId);
            };
        }
    }

    record Deleted(ChatSessionId id, UserId ownerId) implements ChatSession {

        @Override
        public List<ChatSessionEvent> decide(ChatSessionCommand command) {
            throw notFound(id);
        }

        @Override
        public ChatSession evolve(ChatSessionEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    private static DomainException notFound(ChatSessionId id) {
        return new DomainException(ErrorCode.CHAT_001, "no chat session with id " + id);
    }
}
