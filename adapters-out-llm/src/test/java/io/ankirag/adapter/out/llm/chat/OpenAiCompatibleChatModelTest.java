package io.ankirag.adapter.out.llm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Message;
import io.ankirag.adapter.out.llm.fake.FakeOpenAiServer;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import io.ankirag.application.port.out.llm.ChatModelPort.Turn;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmResponse;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleChatModelTest {

    private static final Duration FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration SECOND_DELAY = Duration.ofMillis(200);
    private static final String CARDS_SCHEMA = """
            {"type": "object",
             "properties": {"cards": {"type": "array", "items": {"type": "object",
               "properties": {"front": {"type": "string"}, "back": {"type": "string"}},
               "required": ["front", "back"]}}},
             "required": ["cards"]}""";
    private static final String CARDS = "{\"cards\": [{\"front\": \"Capital of Italy?\", \"back\": \"Rome\"}]}";

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LangChain4jChatModel model(Duration timeout, StructuredOutput structuredOutput) {
        return LangChain4jChatModel.openAiCompatible(server.baseUrl(), "sk-test",
                new LangChain4jChatModel.Defaults("gpt-test", 0.7, 512), structuredOutput,
                new CallPolicy(timeout, 3, List.of(FIRST_DELAY, SECOND_DELAY), Duration.ofSeconds(2)));
    }

    private LangChain4jChatModel model() {
        return model(Duration.ofSeconds(5), StructuredOutput.JSON_SCHEMA);
    }

    private static LlmRequest cardsRequest() {
        return LlmRequest.of("You write flashcards.", "One card about Rome.").withSchema("cards", CARDS_SCHEMA);
    }

    @Test
    void postsTheDefaultsAndTheMessagesAndReturnsTheAnswerWithItsUsage() {
        server.thenReply("Rome is the capital of Italy.");

        LlmResponse response = model().complete(LlmRequest.of("Be brief.", "What is the capital of Italy?"));

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
            assertThat(request.model()).isEqualTo("gpt-test");
            assertThat(request.temperature().asDouble()).isEqualTo(0.7);
            assertThat(request.maxTokens().asInt()).isEqualTo(512);
            assertThat(request.streamed()).isFalse();
            assertThat(request.responseFormat().isMissingNode()).isTrue();
            assertThat(request.messages()).containsExactly(
                    new Message("system", "Be brief."), new Message("user", "What is the capital of Italy?"));
        });
        assertThat(response.text()).isEqualTo("Rome is the capital of Italy.");
        assertThat(response.provider()).isEqualTo("openai");
        assertThat(response.model()).isEqualTo("gpt-test");
        assertThat(response.inputTokens()).isEqualTo(server.received().getFirst().promptWords()).isEqualTo(8);
        assertThat(response.outputTokens()).isEqualTo(FakeLlmServer.pieces("Rome is the capital of Italy.").size());
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.latency()).isPositive();
    }

    @Test
    void aConversationsHistoryGoesAsEarlierMessagesBetweenTheSystemPromptAndTheQuestion() {
        server.thenReply("Because it yields.");

        model().stream(LlmRequest.of("Be brief.", "Why is it cooperative?").withHistory(List.of(
                new Turn(Turn.Role.USER, "What is a coroutine?"),
                new Turn(Turn.Role.ASSISTANT, "A function that can pause."))), delta -> {
        });

        assertThat(server.received().getFirst().messages()).containsExactly(
                new Message("system", "Be brief."),
                new Message("user", "What is a coroutine?"),
                new Message("assistant", "A function that can pause."),
                new Message("user", "Why is it cooperative?"));
    }

    @Test
    void aConsumerThatStopsListeningClosesTheUpstreamConnection() {
        server.thenStream("Count", List.of(new FakeLlmServer.Piece(Duration.ZERO, "one "),
                new FakeLlmServer.Piece(Duration.ofMillis(100), "two "),
                new FakeLlmServer.Piece(Duration.ofMillis(100), "three "),
                new FakeLlmServer.Piece(Duration.ofMillis(100), "four ")), FakeLlmServer.Ending.FINISH);
        List<String> deltas = new ArrayList<>();

        assertThatThrownBy(() -> model().stream(LlmRequest.of("", "Count"), delta -> {
            deltas.add(delta);
            throw new IllegalStateException("nobody listens any more");
        })).hasMessageContaining("nobody listens");

        assertThat(deltas).containsExactly("one ");
        assertThat(server.awaitAbandoned(Duration.ofSeconds(3))).as("the fake saw its client go").hasSize(1);
    }

    @Test
    void aRequestOverridesModelTemperatureAndMaxTokens() {
        model().complete(new LlmRequest("", "Hi", "llama3.1:8b", 0.1, 64, null, null));

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.model()).isEqualTo("llama3.1:8b");
            assertThat(request.temperature().asDouble()).isEqualTo(0.1);
            assertThat(request.maxTokens().asInt()).isEqualTo(64);
            assertThat(request.messages()).as("a blank system prompt is left out").containsExactly(new Message("user", "Hi"));
        });
    }

    @Test
    void reportsTheModelThatAnsweredAsTheProviderNamesIt() {
        server.answerAsModel("gpt-test-2024-08-06");

        assertThat(model().complete(LlmRequest.of("", "Hi")).model()).isEqualTo("gpt-test-2024-08-06");
    }

    @Test
    void asksForJsonSchemaStructuredOutputAndReturnsTheJson() throws Exception {
        server.thenReply(CARDS);

        LlmResponse response = model().complete(cardsRequest());

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.responseFormat().path("type").asText()).isEqualTo("json_schema");
            assertThat(request.responseFormat().path("json_schema").path("name").asText()).isEqualTo("cards");
            assertThat(request.responseFormat().path("json_schema").path("schema"))
                    .isEqualTo(new ObjectMapper().readTree(CARDS_SCHEMA));
            assertThat(request.messages().getFirst()).isEqualTo(new Message("system", "You write flashcards."));
        });
        assertThat(new ObjectMapper().readTree(response.text()).path("cards").get(0).path("back").asText()).isEqualTo("Rome");
    }

    @Test
    void jsonObjectModeServesServersWithoutJsonSchema() {
        server.rejectJsonSchema().thenReply(CARDS);

        LlmResponse response = model(Duration.ofSeconds(5), StructuredOutput.JSON_OBJECT).complete(cardsRequest());

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.responseFormat().path("type").asText()).isEqualTo("json_object");
            assertThat(request.messages().getFirst().content()).startsWith("You write flashcards.")
                    .contains("Answer with JSON only").contains("\"required\": [\"cards\"]");
        });
        assertThat(response.text()).isEqualTo(CARDS);
    }

    @Test
    void instructionModeSendsNoResponseFormatAndTakesJsonOutOfAFence() {
        server.thenReply("```json\n" + CARDS + "\n```");

        LlmResponse response = model(Duration.ofSeconds(5), StructuredOutput.INSTRUCTION).complete(cardsRequest());

        assertThat(server.received().getFirst().responseFormat().isMissingNode()).isTrue();
        assertThat(server.received().getFirst().messages().getFirst().content()).contains("Answer with JSON only");
        assertThat(response.text()).isEqualTo(CARDS);
    }

    @Test
    void aServerThatRefusesJsonSchemaIsGen001WithoutRetrying() {
        server.rejectJsonSchema();

        assertGen001(() -> model().complete(cardsRequest()),
                detail -> assertThat(detail).contains("answered HTTP 400").contains("json_schema is not supported"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotJsonWhenASchemaWasGivenIsGen001() {
        server.thenReply("Sure! Here are your cards: Rome.");

        assertGen001(() -> model().complete(cardsRequest()),
                detail -> assertThat(detail).contains("not valid JSON").contains("Sure! Here are your cards"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void streamsTheDeltasInOrderAndReturnsTheWholeAnswer() {
        String text = "Rome has been the capital of Italy since 1871, after Florence and Turin.";
        server.thenReply(text);
        List<String> deltas = new ArrayList<>();

        LlmResponse response = model().stream(LlmRequest.of("Be brief.", "Capital of Italy?"), deltas::add);

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.streamed()).isTrue();
            assertThat(request.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
        });
        assertThat(deltas).containsExactlyElementsOf(FakeLlmServer.pieces(text)).hasSizeGreaterThan(5);
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.inputTokens()).as("words of both prompts").isEqualTo(5);
        assertThat(response.outputTokens()).isEqualTo(deltas.size());
        assertThat(response.attempts()).isEqualTo(1);
    }

    @Test
    void deliversEachDeltaAsItArrivesRatherThanAtTheEnd() {
        server.pieceDelay(Duration.ofMillis(60)).thenReply("one two three four five six");
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();

        model().stream(LlmRequest.of("", "Count"), delta -> arrivals.add(System.nanoTime() - start));

        assertThat(arrivals).hasSize(6);
        assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).as("five pauses of 60 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void streamsStructuredOutput() {
        server.thenReply(CARDS);
        StringBuilder streamed = new StringBuilder();

        LlmResponse response = model().stream(cardsRequest(), streamed::append);

        assertThat(server.received().getFirst().responseFormat().path("type").asText()).isEqualTo("json_schema");
        assertThat(streamed).hasToString(CARDS);
        assertThat(response.text()).isEqualTo(CARDS);
    }

    @Test
    void retriesServerErrorsWithTheConfiguredBackoffAndThenSucceeds() {
        server.thenFail(503, "warming up").thenFail(500, "oops").thenReply("At last.");

        LlmResponse response = model().complete(LlmRequest.of("", "Hi"));

        assertThat(response.text()).isEqualTo("At last.");
        assertThat(response.attempts()).isEqualTo(3);
        List<FakeLlmServer.Received> requests = server.received();
        assertThat(requests).hasSize(3);
        assertThat(gap(requests, 0)).isGreaterThanOrEqualTo(FIRST_DELAY).isLessThan(FIRST_DELAY.plusMillis(1500));
        assertThat(gap(requests, 1)).isGreaterThanOrEqualTo(SECOND_DELAY).isLessThan(SECOND_DELAY.plusMillis(1500));
    }

    @Test
    void givesUpAfterThreeAttemptsWithGen001NamingTheLastCause() {
        server.thenFail(502, "bad gateway").thenFail(503, "unavailable").thenFail(500, "still broken").thenReply("too late");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")), detail -> assertThat(detail)
                .contains("LLM openai at " + server.baseUrl() + " (model gpt-test)")
                .contains("failed 3 attempt(s); the last answered HTTP 500").contains("still broken"));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void honoursASmallRetryAfterOnA429() {
        server.thenRateLimit("1").thenReply("Now.");

        LlmResponse response = model().complete(LlmRequest.of("", "Hi"));

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(gap(server.received(), 0)).as("Retry-After: 1 beats the 100 ms backoff").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheLimitEndsTheCallAtOnce() {
        server.thenRateLimit("120").thenReply("never asked");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")), detail -> assertThat(detail)
                .contains("answered HTTP 429").contains("asks to wait 120 s (Retry-After)").contains("not retried"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetried() {
        server.thenHang().thenReply("Awake.");

        LlmResponse response = model(Duration.ofMillis(300), StructuredOutput.JSON_SCHEMA).complete(LlmRequest.of("", "Hi"));

        assertThat(response.text()).isEqualTo("Awake.");
        assertThat(response.attempts()).isEqualTo(2);
        // The timeout runs from the client's send, the fake stamps arrival a little later: the gap is about 400 ms.
        assertThat(gap(server.received(), 0)).as("the first attempt had its whole timeout, then the backoff")
                .isGreaterThan(Duration.ofMillis(300));
    }

    @Test
    void aTimeoutOnEveryAttemptIsGen001() {
        server.thenHang().thenHang().thenHang();

        assertGen001(() -> model(Duration.ofMillis(200), StructuredOutput.JSON_SCHEMA).complete(LlmRequest.of("", "Hi")),
                detail -> assertThat(detail).contains("failed 3 attempt(s); the last timed out after 200 ms"));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.thenFail(400, "max_tokens is too large").thenReply("never asked");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")), detail -> assertThat(detail)
                .isEqualTo("LLM openai at " + server.baseUrl() + " (model gpt-test) answered HTTP 400: "
                        + "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aWrongKeyIsNotRetried() {
        server.thenFail(401, "Incorrect API key provided");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")),
                detail -> assertThat(detail).contains("HTTP 401").contains("Incorrect API key"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aRequestTimeoutStatusIsRetried() {
        server.thenFail(408, "request timeout").thenReply("ok");

        assertThat(model().complete(LlmRequest.of("", "Hi")).attempts()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsGen001WithoutRetrying() {
        server.thenMalformedJson().thenReply("never asked");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")),
                detail -> assertThat(detail).contains("answered malformed JSON"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aMalformedStreamEventIsGen001() {
        server.thenMalformedJson();
        List<String> deltas = new ArrayList<>();

        assertGen001(() -> model().stream(LlmRequest.of("", "Hi"), deltas::add),
                detail -> assertThat(detail).contains("answered malformed JSON"));
        assertThat(deltas).isEmpty();
    }

    @Test
    void anAnswerCutOffMidBodyIsRetried() {
        server.thenTruncate("This answer will not arrive whole.", 0).thenReply("Whole this time.");

        LlmResponse response = model().complete(LlmRequest.of("", "Hi"));

        assertThat(response.text()).isEqualTo("Whole this time.");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void aStreamThatFailsBeforeItsFirstDeltaIsRetriedAndNothingIsDeliveredTwice() {
        server.thenFail(503, "overloaded").thenTruncate("lost words", 0).thenReply("alpha beta gamma");
        List<String> deltas = new ArrayList<>();

        LlmResponse response = model().stream(LlmRequest.of("", "Hi"), deltas::add);

        assertThat(deltas).containsExactly("alpha ", "beta ", "gamma");
        assertThat(response.text()).isEqualTo("alpha beta gamma");
        assertThat(response.attempts()).isEqualTo(3);
    }

    @Test
    void aStreamThatBreaksAfterDeltasWereDeliveredIsGen001AndNotRetried() {
        CountDownLatch twoRead = new CountDownLatch(2);
        server.thenTruncateOnceRead("alpha beta gamma delta", 2, twoRead).thenReply("never asked");
        List<String> deltas = new ArrayList<>();

        assertGen001(() -> model().stream(LlmRequest.of("", "Hi"), delta -> {
            deltas.add(delta);
            twoRead.countDown();
        }), detail -> assertThat(detail)
                .contains("after 2 piece(s) of the answer had been delivered").contains("not retried"));
        assertThat(deltas).containsExactly("alpha ", "beta ");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aStreamThatGoesSilentBeforeItsFirstDeltaTimesOutAndIsRetried() {
        server.thenStall("never", 0).thenReply("fresh start");
        List<String> deltas = new ArrayList<>();

        LlmResponse response = model(Duration.ofMillis(300), StructuredOutput.JSON_SCHEMA).stream(LlmRequest.of("", "Hi"), deltas::add);

        assertThat(deltas).containsExactly("fresh ", "start");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void aStreamThatGoesSilentMidwayTimesOutWithGen001() {
        server.thenStall("alpha beta gamma", 1);
        List<String> deltas = new ArrayList<>();
        long start = System.nanoTime();

        assertGen001(() -> model(Duration.ofMillis(300), StructuredOutput.JSON_SCHEMA).stream(LlmRequest.of("", "Hi"), deltas::add),
                detail -> assertThat(detail).contains("timed out after 300 ms").contains("after 1 piece(s)"));
        assertThat(deltas).containsExactly("alpha ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aConsumerThatThrowsStopsTheStreamAndItsExceptionPropagates() {
        server.pieceDelay(Duration.ofMillis(20)).thenReply("one two three four five six seven eight");
        List<String> deltas = new ArrayList<>();
        IllegalStateException cancelled = new IllegalStateException("job cancelled");

        assertThatThrownBy(() -> model().stream(LlmRequest.of("", "Hi"), delta -> {
            deltas.add(delta);
            if (deltas.size() == 3) {
                throw cancelled;
            }
        })).isSameAs(cancelled);
        assertThat(deltas).hasSize(3);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsGen001AfterItsAttempts() {
        URI nobodyListens;
        try (FakeOpenAiServer gone = new FakeOpenAiServer()) {
            nobodyListens = gone.baseUrl();
        }
        LangChain4jChatModel model = LangChain4jChatModel.openAiCompatible(nobodyListens, "sk-test",
                new LangChain4jChatModel.Defaults("gpt-test", 0.7, 512), StructuredOutput.JSON_SCHEMA,
                new CallPolicy(Duration.ofSeconds(2), 3, List.of(Duration.ofMillis(5)), Duration.ofSeconds(2)));

        assertGen001(() -> model.complete(LlmRequest.of("", "Hi")), detail -> assertThat(detail)
                .contains("failed 3 attempt(s); the last could not be reached"));
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> LangChain4jChatModel.openAiCompatible(URI.create("localhost:8001"), "k",
                new LangChain4jChatModel.Defaults("m", 0.7, 10), StructuredOutput.JSON_SCHEMA,
                new CallPolicy(Duration.ofSeconds(1), 1, List.of(), Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOP_LLM_API_BASE_URL must be an http(s) URL");
    }

    private static Duration gap(List<FakeLlmServer.Received> requests, int i) {
        return Duration.ofNanos(requests.get(i + 1).atNanos() - requests.get(i).atNanos());
    }

    static void assertGen001(ThrowingCallable call, Consumer<String> detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
            detail.accept(e.detail());
        });
    }
}
