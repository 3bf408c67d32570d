package io.ankirag.adapter.out.llm.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.ankirag.adapter.out.llm.call.Attempted;
import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.JsonAnswer;
import io.ankirag.adapter.out.llm.call.LlmFailure;
import io.ankirag.adapter.out.llm.call.LlmHttpClient;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.application.port.out.llm.ChatModelPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link ChatModelPort} over a langchain4j chat model: any OpenAI-compatible {@code /chat/completions} (the SOP_LLM
 * gateway, OpenAI, Ollama, vLLM, llama.cpp, LM Studio, OpenRouter) or Anthropic's Messages API.
 *
 * <p>langchain4j builds each provider's requests and parses its answers; this class keeps what the port promises
 * and langchain4j does not: {@link CallPolicy}'s retries (langchain4j's are off), a streamed call retried only
 * before its first delta, a stream that ends without its closing event treated as a failure rather than a short
 * answer, and JSON answers checked when a schema was asked for.
 */
final class LangChain4jChatModel implements ChatModelPort {

    static final String OPENAI = "openai";
    static final String ANTHROPIC = "anthropic";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Anthropic's stream error events worth another attempt (the others say the request is wrong). */
    private static final Set<String> TRANSIENT_ANTHROPIC_ERRORS =
            Set.of("overloaded_error", "api_error", "rate_limit_error", "timeout_error");

    /** The settings' values used where a request leaves them {@code null}. */
    record Defaults(String model, double temperature, int maxTokens) {

        Defaults {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a default model is required");
            }
            if (maxTokens < 1) {
                throw new IllegalArgumentException("the default max tokens must be positive, got " + maxTokens);
            }
        }
    }

    private final String provider;
    private final URI baseUrl;
    private final Defaults defaults;
    private final StructuredOutput structuredOutput;
    private final CallPolicy policy;
    private final ChatModel blocking;
    private final StreamingChatModel streaming;
    private final Function<Throwable, LlmFailure> providerFailures;

    private LangChain4jChatModel(String provider, URI baseUrl, Defaults defaults, StructuredOutput structuredOutput,
                                 CallPolicy policy, ChatModel blocking, StreamingChatModel streaming,
                                 Function<Throwable, LlmFailure> providerFailures) {
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.defaults = defaults;
        this.structuredOutput = structuredOutput;
        this.policy = policy;
        this.blocking = blocking;
        this.streaming = streaming;
        this.providerFailures = providerFailures;
    }

    /** An OpenAI-compatible server; {@code baseUrl} ends before {@code /chat/completions}. */
    static LangChain4jChatModel openAiCompatible(URI baseUrl, String apiKey, Defaults defaults,
                                                 StructuredOutput structuredOutput, CallPolicy policy) {
        String base = requireHttp(baseUrl, "SOP_LLM_API_BASE_URL");
        ChatModel blocking = OpenAiChatModel.builder()
                .httpClientBuilder(LlmHttpClient.builder(policy.timeout()))
                .baseUrl(base)
                .apiKey(apiKey)
                .modelName(defaults.model())
                .timeout(policy.timeout())
                .maxRetries(0)
                .build();
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(LlmHttpClient.builder(policy.timeout()))
                .baseUrl(base)
                .apiKey(apiKey)
                .modelName(defaults.model())
                .timeout(policy.timeout())
                .build();
        return new LangChain4jChatModel(OPENAI, baseUrl, defaults, structuredOutput, policy, blocking, streaming,
                thrown -> null);
    }

    /**
     * Anthropic's Messages API; {@code baseUrl} ends before {@code /messages}. It has no schemaless JSON mode, so
     * {@link StructuredOutput#JSON_OBJECT} is treated as {@link StructuredOutput#INSTRUCTION}.
     */
    static LangChain4jChatModel anthropic(URI baseUrl, String apiKey, Defaults defaults,
                                          StructuredOutput structuredOutput, CallPolicy policy) {
        String base = requireHttp(baseUrl, "ANTHROPIC_BASE_URL");
        ChatModel blocking = AnthropicChatModel.builder()
                .httpClientBuilder(LlmHttpClient.builder(policy.timeout()))
                .baseUrl(base)
                .apiKey(apiKey)
                .modelName(defaults.model())
                .maxTokens(defaults.maxTokens())
                .timeout(policy.timeout())
                .maxRetries(0)
                .build();
        StreamingChatModel streaming = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(LlmHttpClient.builder(policy.timeout()))
                .baseUrl(base)
                .apiKey(apiKey)
                .modelName(defaults.model())
                .maxTokens(defaults.maxTokens())
                .timeout(policy.timeout())
                .build();
        StructuredOutput mode = structuredOutput == StructuredOutput.JSON_OBJECT ? StructuredOutput.INSTRUCTION : structuredOutput;
        return new LangChain4jChatModel(ANTHROPIC, baseUrl, defaults, mode, policy, blocking, streaming,
                LangChain4jChatModel::anthropicStreamError);
    }

    private static String requireHttp(URI baseUrl, String setting) {
        Objects.requireNonNull(baseUrl, setting);
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException(setting + " must be an http(s) URL, got '" + baseUrl + "'");
        }
        return baseUrl.toString();
    }

    private static LlmFailure anthropicStreamError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AnthropicStreamingException error) {
                String reason = "reported " + error.type() + " in its stream: " + error.getMessage();
                return TRANSIENT_ANTHROPIC_ERRORS.contains(error.type())
                        ? LlmFailure.transientFailure(reason, null, error)
                        : LlmFailure.permanent(reason, error);
            }
        }
        return null;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        ChatRequest chat = chatRequest(request);
        String model = modelOf(request);
        Attempted<Answer> answer = policy.call(who(model), () -> {
            ChatResponse response;
            try {
                response = blocking.chat(chat);
            } catch (RuntimeException e) {
                throw failure(e);
            }
            return answer(response, request, null);
        });
        return response(answer, model);
    }

    @Override
    public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
        Objects.requireNonNull(onDelta, "onDelta");
        ChatRequest chat = chatRequest(request);
        String model = modelOf(request);
        Attempted<Answer> answer = policy.call(who(model), () -> {
            StreamAttempt attempt = new StreamAttempt(onDelta);
            try {
                streaming.chat(chat, attempt);
            } catch (RuntimeException e) {
                attempt.onError(e);
            }
            return attempt.result(request);
        });
        return response(answer, model);
    }

    private ChatRequest chatRequest(LlmRequest request) {
        if (request.userPrompt().isBlank()) {
            throw new IllegalArgumentException("the user prompt must not be blank");
        }
        String system = request.systemPrompt().strip();
        ResponseFormat format = null;
        if (request.responseSchema() != null) {
            String schema = validSchema(request.responseSchema());
            if (structuredOutput == StructuredOutput.JSON_SCHEMA) {
                format = ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder()
                                .name(schemaName(request.schemaName()))
                                .rootElement(JsonRawSchema.from(schema))
                                .build())
                        .build();
            } else {
                system = (system.isEmpty() ? "" : system + "\n\n") + StructuredOutput.instruction(schema);
                if (structuredOutput == StructuredOutput.JSON_OBJECT) {
                    format = ResponseFormat.JSON;
                }
            }
        }
        List<ChatMessage> messages = new ArrayList<>(request.history().size() + 2);
        if (!system.isEmpty()) {
            messages.add(SystemMessage.from(system));
        }
        for (Turn turn : request.history()) {
            if (!turn.text().isBlank()) {
                messages.add(switch (turn.role()) {
                    case USER -> UserMessage.from(turn.text());
                    case ASSISTANT -> AiMessage.from(turn.text());
                });
            }
        }
        messages.add(UserMessage.from(request.userPrompt()));
        return ChatRequest.builder()
                .messages(messages)
                .modelName(modelOf(request))
                .temperature(request.temperature() == null ? defaults.temperature() : request.temperature())
                .maxOutputTokens(request.maxTokens() == null ? defaults.maxTokens() : request.maxTokens())
                .responseFormat(format)
                .build();
    }

    private static String validSchema(String schema) {
        try {
            if (!JSON.readTree(schema).isObject()) {
                throw new IllegalArgumentException("the response schema must be a JSON object");
            }
            return schema;
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("the response schema is not JSON: " + notJson.getOriginalMessage(), notJson);
        }
    }

    /** OpenAI accepts letters, digits, {@code _} and {@code -}, at most 64 of them. */
    private static String schemaName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty()) {
            return "answer";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private String modelOf(LlmRequest request) {
        return request.model() == null || request.model().isBlank() ? defaults.model() : request.model();
    }

    private String who(String model) {
        return "LLM " + provider + " at " + baseUrl + " (model " + model + ")";
    }

    private LlmFailure failure(Throwable thrown) {
        LlmFailure known = providerFailures.apply(thrown);
        return known != null ? known : policy.failure(thrown);
    }

    private record Answer(String text, String model, int inputTokens, int outputTokens) {

        Answer withText(String whole) {
            return new Answer(whole, model, inputTokens, outputTokens);
        }
    }

    /**
     * What the port returns from langchain4j's answer, or the permanent failure it amounts to.
     *
     * @param streamed the deltas as delivered, for a provider whose final answer omits the text
     */
    private Answer answer(ChatResponse response, LlmRequest request, String streamed) {
        FinishReason finish = response.finishReason();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isEmpty()) {
            text = streamed;
        }
        if (finish == FinishReason.CONTENT_FILTER) {
            throw LlmFailure.permanent("stopped the answer with its content filter");
        }
        if (text == null || text.isBlank()) {
            throw LlmFailure.permanent("answered no text" + (finish == FinishReason.LENGTH
                    ? " within the max tokens (" + maxTokensOf(request) + ")" : ""));
        }
        if (request.responseSchema() != null) {
            try {
                text = JsonAnswer.extract(text);
            } catch (LlmFailure notJson) {
                if (finish == FinishReason.LENGTH) {
                    throw LlmFailure.permanent(notJson.reason() + "; the answer was cut off at the max tokens ("
                            + maxTokensOf(request) + ")");
                }
                throw notJson;
            }
        }
        String model = response.modelName() == null || response.modelName().isBlank() ? modelOf(request) : response.modelName();
        TokenUsage usage = response.tokenUsage();
        return new Answer(text, model, tokens(usage == null ? null : usage.inputTokenCount()),
                tokens(usage == null ? null : usage.outputTokenCount()));
    }

    private int maxTokensOf(LlmRequest request) {
        return request.maxTokens() == null ? defaults.maxTokens() : request.maxTokens();
    }

    private static int tokens(Integer count) {
        return count == null ? 0 : count;
    }

    private LlmResponse response(Attempted<Answer> attempted, String requestedModel) {
        Answer answer = attempted.value();
        return new LlmResponse(answer.text(), provider, answer.model() == null ? requestedModel : answer.model(),
                answer.inputTokens(), answer.outputTokens(), attempted.latency(), attempted.attempts());
    }

    /**
     * One streamed attempt. The HTTP client reads the stream on the calling thread, so every callback has happened
     * when {@code chat} returns; the first terminal signal wins (langchain4j may report an error and then still
     * complete a stream it kept reading).
     */
    private final class StreamAttempt implements StreamingChatResponseHandler {

        private final Consumer<String> onDelta;
        private final StringBuilder delivered = new StringBuilder();
        private int pieces;
        private boolean over;
        private ChatResponse completed;
        private Throwable failed;
        private RuntimeException stoppedByConsumer;

        StreamAttempt(Consumer<String> onDelta) {
            this.onDelta = onDelta;
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            deliver(partialResponse, null);
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            deliver(partialResponse.text(), context == null ? null : context.streamingHandle());
        }

        private synchronized void deliver(String text, StreamingHandle handle) {
            if (over || text == null || text.isEmpty()) {
                return;
            }
            try {
                onDelta.accept(text);
            } catch (RuntimeException stop) {
                stoppedByConsumer = stop;
                over = true;
                if (handle != null) {
                    handle.cancel();
                }
                return;
            }
            delivered.append(text);
            pieces++;
        }

        @Override
        public synchronized void onCompleteResponse(ChatResponse completeResponse) {
            if (!over) {
                completed = completeResponse;
                over = true;
            }
        }

        @Override
        public synchronized void onError(Throwable error) {
            if (!over) {
                failed = error;
                over = true;
            }
        }

        synchronized Answer result(LlmRequest request) {
            if (stoppedByConsumer != null) {
                throw stoppedByConsumer;
            }
            LlmFailure failure = null;
            if (failed != null) {
                failure = failure(failed);
            } else if (completed == null || completed.finishReason() == null) {
                failure = LlmFailure.transientFailure("ended its stream before the answer was complete", null, null);
            }
            if (failure != null) {
                if (pieces > 0) {
                    throw failure.notRetryable("after " + pieces + " piece(s) of the answer had been delivered;"
                            + " not retried, so that nothing is delivered twice");
                }
                throw failure;
            }
            if (pieces > 0 && request.responseSchema() == null) {
                // The whole answer is exactly what the consumer was given.
                return answer(completed, request, delivered.toString()).withText(delivered.toString());
            }
            return answer(completed, request, delivered.toString());
        }
    }
}
