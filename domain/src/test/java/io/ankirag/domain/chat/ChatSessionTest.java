package io.ankirag.domain.chat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.card.CardId;
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
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.testing.DeciderFixture;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatSessionTest {

    private static final ChatSessionId SESSION = new ChatSessionId(UUID.fromString("00000000-0000-7000-8000-0000000000c5"));
    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final ChatMessageId QUESTION = new ChatMessageId(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));
    private static final ChatMessageId ANSWER = new ChatMessageId(UUID.fromString("00000000-0000-7000-8000-0000000000a2"));
    private static final ChatMessageId NEXT_QUESTION = new ChatMessageId(UUID.fromString("00000000-0000-7000-8000-0000000000a3"));
    private static final CardId CARD = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000ca"));
    private static final Instant CREATED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T10:05:00Z");

    private static final ChatSessionStarted STARTED = new ChatSessionStarted(SESSION, OWNER, "Python", DECK, "async", CREATED_AT);
    private static final QuestionAsked ASKED = new QuestionAsked(SESSION, QUESTION, "What is a coroutine?", NOW);
    private static final List<ChatSource> SOURCES = List.of(new ChatSource(CARD, DECK, 0.03, "A coroutine can pause", true));
    private static final AnswerRecorded ANSWERED = new AnswerRecorded(SESSION, ANSWER, QUESTION, "A function that can pause [card:x]",
            "gpt", 120, 9, SOURCES, "stop", true, NOW.plusSeconds(3));
    private static final ChatSessionArchived ARCHIVED = new ChatSessionArchived(SESSION, NOW);
    private static final ChatSessionDeleted DELETED = new ChatSessionDeleted(SESSION, NOW);

    private final DeciderFixture<ChatSession, ChatSessionCommand, ChatSessionEvent> session =
            DeciderFixture.of(ChatSession.initial(), ChatSession::decide, ChatSession::evolve);

    // --- start

    @Test
    void startingRecordsOwnerTitleAndContext() {
        session.when(new StartChatSession(SESSION, OWNER, new ChatTitle(" Python "), new ChatContext(DECK, " async "), CREATED_AT))
                .then(STARTED);
    }

    @Test
    void aSessionWithoutContextGroundsInAllDecks() {
        session.when(new StartChatSession(SESSION, OWNER, new ChatTitle("Python"), new ChatContext(null, "  "), CREATED_AT))
                .then(new ChatSessionStarted(SESSION, OWNER, "Python", null, null, CREATED_AT));
    }

    @Test
    void startingAnExistingSessionAgainIsRefused() {
        session.given(STARTED)
                .when(new StartChatSession(SESSION, OWNER, new ChatTitle("Again"), ChatContext.NONE, NOW))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("already exists");
    }

    @Test
    void titlesAndQuestionsMustSaySomething() {
        assertThatThrownBy(() -> new ChatTitle(" ")).isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.REQ_002);
        assertThatThrownBy(() -> new ChatTitle("x".repeat(256))).extracting("code").isEqualTo(ErrorCode.REQ_002);
        assertThatThrownBy(() -> new ChatMessageContent("")).extracting("code").isEqualTo(ErrorCode.REQ_002);
        assertThatThrownBy(() -> new ChatMessageContent("x".repeat(10_001))).extracting("code").isEqualTo(ErrorCode.REQ_002);
        assertThatThrownBy(() -> new ChatContext(null, "x".repeat(1_001))).extracting("code").isEqualTo(ErrorCode.REQ_002);
    }

    static Stream<ChatSessionCommand> everyCommandButStart() {
        return Stream.of(
                new AskQuestion(SESSION, OWNER, QUESTION, new ChatMessageContent("Hi"), NOW),
                new RecordAnswer(SESSION, OWNER, ANSWER, QUESTION, "Hello", "gpt", 1, 1, List.of(), "stop", true, NOW),
                new RenameChatSession(SESSION, OWNER, new ChatTitle("New"), NOW),
                new ArchiveChatSession(SESSION, OWNER, NOW),
                new RestoreChatSession(SESSION, OWNER, NOW),
                new DeleteChatSession(SESSION, OWNER, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButStart")
    void aSessionThatWasNeverStartedIsNotFound(ChatSessionCommand command) {
        session.when(command).thenRefused(ErrorCode.CHAT_001).withDetailContaining(SESSION.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButStart")
    void aDeletedSessionIsNotFound(ChatSessionCommand command) {
        session.given(STARTED, DELETED).when(command).thenRefused(ErrorCode.CHAT_001);
    }

    @Test
    void anotherUsersSessionLooksMissing() {
        session.given(STARTED)
                .when(new AskQuestion(SESSION, STRANGER, QUESTION, new ChatMessageContent("Hi"), NOW))
                .thenRefused(ErrorCode.CHAT_001);
        session.given(STARTED)
                .when(new DeleteChatSession(SESSION, STRANGER, NOW))
                .thenRefused(ErrorCode.CHAT_001);
    }

    // --- questions and answers

    @Test
    void askingRecordsTheQuestion() {
        session.given(STARTED)
                .when(new AskQuestion(SESSION, OWNER, QUESTION, new ChatMessageContent(" What is a coroutine? "), NOW))
                .then(ASKED);
    }

    @Test
    void theAnswerToTheAwaitedQuestionIsRecordedWithModelTokensAndSources() {
        session.given(STARTED, ASKED)
                .when(new RecordAnswer(SESSION, OWNER, ANSWER, QUESTION, "A function that can pause [card:x]", "gpt", 120, 9,
                        SOURCES, "stop", true, NOW.plusSeconds(3)))
                .then(ANSWERED);
    }

    @Test
    void aBrokenOffAnswerIsRecordedAsIncomplete() {
        AnswerRecorded partial = new AnswerRecorded(SESSION, ANSWER, QUESTION, "A function that", "gpt", 0, 0, List.of(),
                "error", false, NOW.plusSeconds(1));
        session.given(STARTED, ASKED)
                .when(new RecordAnswer(SESSION, OWNER, ANSWER, QUESTION, "A function that", "gpt", 0, 0, List.of(), "error",
                        false, NOW.plusSeconds(1)))
                .then(partial);
    }

    @Test
    void aSecondQuestionWhileTheFirstIsBeingAnsweredIsRefused() {
        session.given(STARTED, ASKED)
                .when(new AskQuestion(SESSION, OWNER, NEXT_QUESTION, new ChatMessageContent("And a task?"), NOW.plusSeconds(1)))
                .thenRefused(ErrorCode.CHAT_003)
                .withDetailContaining("still being written");
    }

    @Test
    void theNextQuestionIsTakenOnceTheAnswerIsRecorded() {
        session.given(STARTED, ASKED, ANSWERED)
                .when(new AskQuestion(SESSION, OWNER, NEXT_QUESTION, new ChatMessageContent("And a task?"), NOW.plusSeconds(5)))
                .then(new QuestionAsked(SESSION, NEXT_QUESTION, "And a task?", NOW.plusSeconds(5)));
    }

    @Test
    void aQuestionLeftUnansweredPastTheTimeoutNoLongerHoldsTheSession() {
        Instant later = NOW.plus(ChatSession.ANSWER_TIMEOUT);
        session.given(STARTED, ASKED)
                .when(new AskQuestion(SESSION, OWNER, NEXT_QUESTION, new ChatMessageContent("Still there?"), later))
                .then(new QuestionAsked(SESSION, NEXT_QUESTION, "Still there?", later));
    }

    @Test
    void anAnswerToNoAwaitedQuestionIsRefused() {
        session.given(STARTED)
                .when(new RecordAnswer(SESSION, OWNER, ANSWER, QUESTION, "Hello", "gpt", 1, 1, List.of(), "stop", true, NOW))
                .thenRefused(ErrorCode.CHAT_004);
        session.given(STARTED, ASKED, ANSWERED)
                .when(new RecordAnswer(SESSION, OWNER, NEXT_QUESTION, QUESTION, "Again", "gpt", 1, 1, List.of(), "stop", true, NOW))
                .thenRefused(ErrorCode.CHAT_004);
    }

    // --- rename, archive, restore, delete

    @Test
    void renamingRecordsTheNewTitleOnlyWhenItChanges() {
        session.given(STARTED)
                .when(new RenameChatSession(SESSION, OWNER, new ChatTitle("Asyncio"), NOW))
                .then(new ChatSessionRenamed(SESSION, "Asyncio", NOW));
        session.given(STARTED)
                .when(new RenameChatSession(SESSION, OWNER, new ChatTitle("Python"), NOW))
                .thenNothing();
    }

    @Test
    void anArchivedSessionTakesNoQuestionUntilRestored() {
        session.given(STARTED, ARCHIVED)
                .when(new AskQuestion(SESSION, OWNER, QUESTION, new ChatMessageContent("Hi"), NOW))
                .thenRefused(ErrorCode.CHAT_002)
                .withDetailContaining("archived");
        session.given(STARTED, ARCHIVED, new ChatSessionRestored(SESSION, NOW))
                .when(new AskQuestion(SESSION, OWNER, QUESTION, new ChatMessageContent("What is a coroutine?"), NOW))
                .then(ASKED);
    }

    @Test
    void archivingAndRestoringAreIdempotent() {
        session.given(STARTED).when(new ArchiveChatSession(SESSION, OWNER, NOW)).then(ARCHIVED);
        session.given(STARTED, ARCHIVED).when(new ArchiveChatSession(SESSION, OWNER, NOW)).thenNothing();
        session.given(STARTED, ARCHIVED).when(new RestoreChatSession(SESSION, OWNER, NOW)).then(new ChatSessionRestored(SESSION, NOW));
        session.given(STARTED).when(new RestoreChatSession(SESSION, OWNER, NOW)).thenNothing();
    }

    @Test
    void deletingEndsTheSession() {
        session.given(STARTED, ASKED, ANSWERED).when(new DeleteChatSession(SESSION, OWNER, NOW)).then(DELETED);
    }
}
