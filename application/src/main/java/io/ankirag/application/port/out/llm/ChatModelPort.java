package io.ankirag.application.port.out.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Asks a chat model (the SOP_LLM gateway, any OpenAI-compatible server, Anthropic) for text.
 *
 * <p>Contract (spec 6.5, 7.1):
 * <ul>
 *   <li>Every call is bounded by the adapter's per-call timeout (60 s by default) and retried on transient failures
 *       (timeouts, connection errors, 429 and 5xx answers) up to 3 attempts with backoff 1 s / 3 s / 10 s. A streamed
 *       call is retried only while nothing has been delivered to its consumer yet, so a consumer never sees a token
 *       twice.</li>
 *   <li>Failures after the retries, malformed answers, and an answer that does not parse as JSON when
 *       {@link LlmRequest#responseSchema()} was given, throw {@link io.ankirag.domain.error.DomainException} with
 *       {@code GEN_001} and a sentence naming the cause. A provider with no key or base URL configured throws
 *       {@code GEN_001} naming the missing setting at call time; the application still starts without one.</li>
 *   <li>Calls block; do not hold a database transaction open around them. Implementations are safe for concurrent
 *       use.</li>
 * </ul>
 */
public interface ChatModelPort {

    /**
     * @param systemPrompt   instructions; may be blank
     * @param userPrompt     the request itself; never blank
     * @param model          the model to ask, or {@code null} for the configured default
     * @param temperature    sampling temperature, or {@code null} for the configured default
     * @param maxTokens      answer length limit, or {@code null} for the configured default
     * @param responseSchema a JSON schema (as JSON text) the answer must follow, or {@code null} for free text; sent
     *                       as the provider's structured-output mode where it has one
     * @param schemaName     a short name for the schema ({@code cards}); ignored without a schema
     * @param history        the conversation so far, oldest first, sent as the provider's own earlier messages
     *                       between the system prompt and {@code userPrompt}; empty for a single-turn request
     */
    record LlmRequest(
            String systemPrompt,
            String userPrompt,
            String model,
            Double temperature,
            Integer maxTokens,
            String responseSchema,
            String schemaName,
            List<Turn> history) {

        public LlmRequest {
            Objects.requireNonNull(userPrompt, "userPrompt");
            systemPrompt = systemPrompt == null ? "" : systemPrompt;
            history = history == null ? List.of() : List.copyOf(history);
        }

        /** A single-turn request. */
        public LlmRequest(String systemPrompt, String userPrompt, String model, Double temperature, Integer maxTokens,
                          String responseSchema, String schemaName) {
            this(systemPrompt, userPrompt, model, temperature, maxTokens, responseSchema, schemaName, List.of());
        }

        public static LlmRequest of(String systemPrompt, String userPrompt) {
            return new LlmRequest(systemPrompt, userPrompt, null, null, null, null, null);
        }

        public LlmRequest withSchema(String schemaName, String responseSchema) {
            return new LlmRequest(systemPrompt, userPrompt, model, temperature, maxTokens, responseSchema, schemaName, history);
        }

        public LlmRequest withHistory(List<Turn> history) {
            return new LlmRequest(systemPrompt, userPrompt, model, temperature, maxTokens, responseSchema, schemaName, history);
        }
    }

    /** One earlier message of a conversation: the user's, or the model's own answer. */
    record Turn(Role role, String text) {

        public enum Role {
            USER, ASSISTANT
        }

        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param text         the whole answer (JSON text when a schema was asked for)
     * @param provider     who answered ({@code openai}, {@code anthropic})
     * @param model        the model that answered, as the provider names it
     * @param inputTokens  prompt tokens the provider reported, or 0 when it reported none
     * @param outputTokens answer tokens the provider reported, or 0 when it reported none
     * @param latency      wall time of the successful attempt
     * @param attempts     how many attempts it took (1 when the first succeeded)
     */
    record LlmResponse(
            String text,
            String provider,
            String model,
            int inputTokens,
            int outputTokens,
            Duration latency,
            int attempts) {

        public LlmResponse {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** One answer, whole. */
    LlmResponse complete(LlmRequest request);

    /**
     * The same answer, delivered piece by piece to {@code onDelta} as the provider streams it; returns the whole
     * answer when the stream ends. If {@code onDelta} throws, the call stops and the exception propagates (how a
     * cancelled job stops listening).
     */
    LlmResponse stream(LlmRequest request, Consumer<String> onDelta);
}
