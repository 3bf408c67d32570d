package io.ankirag.adapter.out.llm.chat;

import static io.ankirag.adapter.out.llm.chat.OpenAiCompatibleChatModelTest.assertGen001;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.adapter.out.llm.fake.FakeAnthropicServer;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Message;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import io.ankirag.application.port.out.llm.ChatModelPort.Turn;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest {

    private static final String VERDICT_SCHEMA = """
            {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"],
             "additionalProperties": false}""";

    private final FakeAnthropicServer server = new FakeAnthropicServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LangChain4jChatModel model(StructuredOutput structuredOutput, Duration timeout) {
        return LangChain4jChatModel.anthropic(server.baseUrl(), "sk-ant-test",
                new LangChain4jChatModel.Defaults("claude-test", 0.7, 1000), structuredOutput,
                new CallPolicy(timeout, 3, List.of(Duration.ofMillis(50)), Duration.ofSeconds(2)));
    }

    private LangChain4jChatModel model() {
        return model(StructuredOutput.JSON_SCHEMA, Duration.ofSeconds(5));
    }

    @Test
    void callsTheMessagesApiWithItsHeadersAndReturnsTheAnswerWithUsage() {
        server.thenReply("Rome.");

        LlmResponse response = model().complete(LlmRequest.of("Be brief.", "Capital of Italy?"));

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/messages");
            assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test");
            assertThat(request.header("anthropic-version")).isNotBlank();
            assertThat(request.model()).isEqualTo("claude-test");
            assertThat(request.maxTokens().asInt()).isEqualTo(1000);
            assertThat(request.temperature().asDouble()).isEqualTo(0.7);
            assertThat(request.messages()).containsExactly(
                    new Message("system", "Be brief."), new Message("user", "Capital of Italy?"));
        });
        assertThat(response.text()).isEqualTo("Rome.");
        assertThat(response.provider()).isEqualTo("anthropic");
        assertThat(response.model()).isEqualTo("claude-test");
        assertThat(response.inputTokens()).isEqualTo(5);
        assertThat(response.outputTokens()).isEqualTo(1);
        assertThat(response.attempts()).isEqualTo(1);
    }

    @Test
    void aConversationsHistoryGoesAsEarlierMessages() {
        server.thenReply("Because it yields.");

        model().complete(LlmRequest.of("Be brief.", "Why is it cooperative?").withHistory(List.of(
                new Turn(Turn.Role.USER, "What is a coroutine?"),
                new Turn(Turn.Role.ASSISTANT, "A function that can pause."))));

        assertThat(server.received().getFirst().messages()).containsExactly(
                new Message("system", "Be brief."),
                new Message("user", "What is a coroutine?"),
                new Message("assistant", "A function that can pause."),
                new Message("user", "Why is it cooperative?"));
    }

    @Test
    void asksForStructuredOutputThroughTheOutputFormat() throws Exception {
        server.thenReply("{\"answer\": \"Rome\"}");

        LlmResponse response = model().complete(LlmRequest.of("", "Capital of Italy?").withSchema("verdict", VERDICT_SCHEMA));

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.body().path("output_config").path("format").path("type").asText()).isEqualTo("json_schema");
            assertThat(request.body().path("output_config").path("format").path("schema"))
                    .isEqualTo(new ObjectMapper().readTree(VERDICT_SCHEMA));
        });
        assertThat(response.text()).isEqualTo("{\"answer\": \"Rome\"}");
    }

    @Test
    void instructionModePutsTheSchemaInTheSystemPromptForOlderModels() {
        server.thenReply("```json\n{\"answer\": \"Rome\"}\n```");

        LlmResponse response = model(StructuredOutput.JSON_OBJECT, Duration.ofSeconds(5))
                .complete(LlmRequest.of("You answer quizzes.", "Capital of Italy?").withSchema("verdict", VERDICT_SCHEMA));

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.body().has("output_config")).isFalse();
            assertThat(request.messages().getFirst().content()).startsWith("You answer quizzes.").contains("Answer with JSON only");
        });
        assertThat(response.text()).isEqualTo("{\"answer\": \"Rome\"}");
    }

    @Test
    void streamsTheTextDeltasInOrderWithUsageFromTheStreamEvents() {
        String text = "Rome became the capital of the Kingdom of Italy in 1871.";
        server.thenReply(text);
        List<String> deltas = new ArrayList<>();

        LlmResponse response = model().stream(LlmRequest.of("", "When did Rome become the capital?"), deltas::add);

        assertThat(server.received().getFirst().streamed()).isTrue();
        assertThat(deltas).containsExactlyElementsOf(FakeLlmServer.pieces(text));
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.inputTokens()).isEqualTo(6);
        assertThat(response.outputTokens()).isEqualTo(deltas.size());
    }

    @Test
    void anOverloadedProviderIsRetried() {
        server.thenFail(529, "Overloaded").thenReply("Rome.");

        LlmResponse response = model().complete(LlmRequest.of("", "Capital of Italy?"));

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aStreamThatFailsBeforeItsFirstDeltaIsRetried() {
        server.thenFail(529, "Overloaded").thenReply("Rome.");
        List<String> deltas = new ArrayList<>();

        LlmResponse response = model().stream(LlmRequest.of("", "Capital of Italy?"), deltas::add);

        assertThat(deltas).containsExactly("Rome.");
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void aBadRequestIsGen001WithoutRetrying() {
        server.thenFail(400, "messages: roles must alternate");

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")), detail -> assertThat(detail)
                .startsWith("LLM anthropic at " + server.baseUrl() + " (model claude-test) answered HTTP 400")
                .contains("invalid_request_error").contains("roles must alternate"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aStreamWithoutItsMessageStopIsGen001OnceDeltasWereDelivered() {
        CountDownLatch twoRead = new CountDownLatch(2);
        server.thenTruncateOnceRead("Rome became the capital", 2, twoRead);
        List<String> deltas = new ArrayList<>();

        assertGen001(() -> model().stream(LlmRequest.of("", "Hi"), delta -> {
            deltas.add(delta);
            twoRead.countDown();
        }),
                detail -> assertThat(detail).contains("after 2 piece(s)"));
        assertThat(deltas).containsExactly("Rome ", "became ");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aMalformedStreamEventIsGen001RatherThanSkipped() {
        server.thenMalformedJson();

        assertGen001(() -> model().stream(LlmRequest.of("", "Hi"), delta -> { }),
                detail -> assertThat(detail).contains("answered malformed JSON"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void malformedJsonIsGen001() {
        server.thenMalformedJson();

        assertGen001(() -> model().complete(LlmRequest.of("", "Hi")),
                detail -> assertThat(detail).contains("answered malformed JSON"));
    }

    @Test
    void aTimeoutIsRetried() {
        server.thenHang().thenReply("Rome.");

        assertThat(model(StructuredOutput.JSON_SCHEMA, Duration.ofMillis(300)).complete(LlmRequest.of("", "Hi")).attempts())
                .isEqualTo(2);
    }
}
