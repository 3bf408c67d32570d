package io.ankirag.bootstrap.axon;

import io.ankirag.domain.chat.ChatContext;
import io.ankirag.domain.chat.ChatMessageContent;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionCommand.AskQuestion;
import io.ankirag.domain.chat.ChatSessionCommand.StartChatSession;
import io.ankirag.domain.chat.ChatSessionEvent.ChatSessionStarted;
import io.ankirag.domain.chat.ChatSessionEvent.QuestionAsked;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.chat.ChatTitle;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wiring only; {@code ChatSessionTest} in {@code domain} specifies the behaviour. */
class ChatSessionAggregateTest {

    private static final ChatSessionId SESSION = new ChatSessionId(UUID.fromString("00000000-0000-7000-8000-0000000000c5"));
    private static final ChatMessageId QUESTION = new ChatMessageId(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final ChatSessionStarted STARTED = new ChatSessionStarted(SESSION, OWNER, "Python", null, null, AT);

    private AggregateTestFixture<ChatSessionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChatSessionAggregate.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void startChatSessionStartsANewSession() {
        fixture.givenNoPriorActivity()
                .when(new StartChatSession(SESSION, OWNER, new ChatTitle("Python"), ChatContext.NONE, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(STARTED);
    }

    @Test
    void askQuestionReachesTheSessionItsIdNames() {
        fixture.given(STARTED)
                .when(new AskQuestion(SESSION, OWNER, QUESTION, new ChatMessageContent("Hi"), AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionAsked(SESSION, QUESTION, "Hi", AT));
    }

    @Test
    void aSecondQuestionWhileAnsweringIsRefusedWithItsCode() {
        fixture.given(STARTED, new QuestionAsked(SESSION, QUESTION, "Hi", AT))
                .when(new AskQuestion(SESSION, OWNER, new ChatMessageId(UUID.randomUUID()), new ChatMessageContent("Again"), AT))
                .expectException(Matchers.predicate(e -> e instanceof DomainException refused && refused.code() == ErrorCode.CHAT_003));
    }
}
