package io.ankirag.adapter.out.llm.chat;

import static io.ankirag.adapter.out.llm.chat.OpenAiCompatibleChatModelTest.assertGen001;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.adapter.out.llm.fake.FakeAnthropicServer;
import io.ankirag.adapter.out.llm.fake.FakeOpenAiServer;
import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ChatModelConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ChatModelConfiguration.class);

    @Test
    void startsWithoutAKeyAndEachCallNamesTheMissingSetting() {
        context.withPropertyValues("ankirag.llm.base-url=http://localhost:8001").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(ChatModelPort.class);
            ChatModelPort chat = started.getBean(ChatModelPort.class);

            assertGen001(() -> chat.complete(LlmRequest.of("", "Hi")),
                    detail -> assertThat(detail).isEqualTo("LLM openai is not configured: SOP_LLM_API_KEY is not set"));
            assertGen001(() -> chat.stream(LlmRequest.of("", "Hi"), delta -> { }),
                    detail -> assertThat(detail).contains("SOP_LLM_API_KEY is not set"));
        });
    }

    @Test
    void aMissingBaseUrlIsNamedToo() {
        context.withPropertyValues("ankirag.llm.api-key=sk-1", "ankirag.llm.base-url= ").run(started ->
                assertGen001(() -> started.getBean(ChatModelPort.class).complete(LlmRequest.of("", "Hi")),
                        detail -> assertThat(detail).contains("SOP_LLM_API_BASE_URL is not set")));
    }

    @Test
    void anthropicWithoutItsKeyNamesAnthropicApiKey() {
        context.withPropertyValues("ankirag.llm.provider=anthropic", "ankirag.llm.api-key=sk-openai").run(started ->
                assertGen001(() -> started.getBean(ChatModelPort.class).complete(LlmRequest.of("", "Hi")),
                        detail -> assertThat(detail).isEqualTo("LLM anthropic is not configured: ANTHROPIC_API_KEY is not set")));
    }

    @Test
    void callsTheConfiguredOpenAiCompatibleServerWithItsDefaults() {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.thenFail(503, "busy").thenReply("{\"ok\": true}");
            context.withPropertyValues("ankirag.llm.base-url=" + server.baseUrl(), "ankirag.llm.api-key=sk-1",
                    "ankirag.llm.default-model=qwen2.5:7b", "ankirag.llm.default-temperature=0.3",
                    "ankirag.llm.default-max-tokens=300", "ankirag.llm.structured-output=json_object",
                    "ankirag.llm.retry-delays=1ms").run(started -> {
                ChatModelPort chat = started.getBean(ChatModelPort.class);

                ChatModelPort.LlmResponse response = chat.complete(LlmRequest.of("", "Answer in json").withSchema("x", "{\"type\": \"object\"}"));

                assertThat(response.attempts()).isEqualTo(2);
                assertThat(server.received().getLast()).satisfies(request -> {
                    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-1");
                    assertThat(request.model()).isEqualTo("qwen2.5:7b");
                    assertThat(request.temperature().asDouble()).isEqualTo(0.3);
                    assertThat(request.maxTokens().asInt()).isEqualTo(300);
                    assertThat(request.responseFormat().path("type").asText()).isEqualTo("json_object");
                });
            });
        }
    }

    @Test
    void callsAnthropicWhenItIsTheProvider() {
        try (FakeAnthropicServer server = new FakeAnthropicServer()) {
            context.withPropertyValues("ankirag.llm.provider=anthropic", "ankirag.llm.anthropic.base-url=" + server.baseUrl(),
                    "ankirag.llm.anthropic.api-key=sk-ant-1", "ankirag.llm.anthropic.model=claude-test").run(started -> {
                ChatModelPort.LlmResponse response = started.getBean(ChatModelPort.class).complete(LlmRequest.of("", "Hi"));

                assertThat(response.provider()).isEqualTo("anthropic");
                assertThat(response.model()).isEqualTo("claude-test");
                assertThat(server.received().getFirst().header("x-api-key")).isEqualTo("sk-ant-1");
                assertThat(server.received().getFirst().maxTokens().asInt()).isEqualTo(4096);
            });
        }
    }

    @Test
    void defaultsFollowTheSpec() {
        context.run(started -> assertThat(started.getBean(LlmProperties.class)).satisfies(llm -> {
            assertThat(llm.provider()).isEqualTo(LlmProperties.Provider.OPENAI);
            assertThat(llm.defaultModel()).isEqualTo("gpt-4o");
            assertThat(llm.defaultTemperature()).isEqualTo(0.7);
            assertThat(llm.defaultMaxTokens()).isEqualTo(4096);
            assertThat(llm.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
            assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(llm.maxAttempts()).isEqualTo(3);
            assertThat(llm.retryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));
            assertThat(llm.anthropic().baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        }));
    }
}
