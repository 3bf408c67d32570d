package io.ankirag.adapter.out.llm.chat;

import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code LLM_PROVIDER} and {@code SOP_LLM_*}: which chat model answers, and the policy of every call (spec 6.5).
 *
 * @param provider           {@code openai} (any OpenAI-compatible server) or {@code anthropic}
 * @param baseUrl            {@code SOP_LLM_API_BASE_URL}, up to but excluding {@code /chat/completions}
 * @param apiKey             {@code SOP_LLM_API_KEY}, sent as a Bearer token
 * @param structuredOutput   {@code SOP_LLM_STRUCTURED_OUTPUT}: {@code json_schema}, or {@code json_object} /
 *                           {@code instruction} for servers without it
 * @param timeout            {@code SOP_LLM_TIMEOUT}: the longest wait for an answer to start, and for its next
 *                           bytes once it has
 * @param maxAttempts        {@code SOP_LLM_MAX_ATTEMPTS}
 * @param retryDelays        waits before the second, third… attempt
 * @param maxRetryAfter      the longest {@code Retry-After} honoured; a longer one ends the call
 */
@ConfigurationProperties("ankirag.llm")
record LlmProperties(
        @DefaultValue("openai") Provider provider,
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o") String defaultModel,
        @DefaultValue("0.7") double defaultTemperature,
        @DefaultValue("4096") int defaultMaxTokens,
        @DefaultValue("json_schema") StructuredOutput structuredOutput,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue({"1s", "3s", "10s"}) List<Duration> retryDelays,
        @DefaultValue("30s") Duration maxRetryAfter,
        @DefaultValue Anthropic anthropic) {

    enum Provider {
        OPENAI,
        ANTHROPIC
    }

    /**
     * {@code ANTHROPIC_*}, for {@code LLM_PROVIDER=anthropic}; temperature and max tokens are the
     * {@code SOP_LLM_DEFAULT_*} ones.
     *
     * @param baseUrl {@code ANTHROPIC_BASE_URL}, up to but excluding {@code /messages}
     */
    record Anthropic(
            @DefaultValue("https://api.anthropic.com/v1") String baseUrl,
            String apiKey,
            @DefaultValue("claude-sonnet-4-5") String model,
            @DefaultValue("json_schema") StructuredOutput structuredOutput) {
    }

    CallPolicy policy() {
        return new CallPolicy(timeout, maxAttempts, retryDelays, maxRetryAfter);
    }
}
