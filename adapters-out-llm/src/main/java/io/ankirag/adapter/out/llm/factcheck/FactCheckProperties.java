package io.ankirag.adapter.out.llm.factcheck;

import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code PERPLEXITY_*}: the online model that checks facts. Timeout and retries are the chat model's
 * ({@code SOP_LLM_TIMEOUT}, {@code SOP_LLM_MAX_ATTEMPTS}), bound to both in application.yml.
 *
 * @param baseUrl {@code PERPLEXITY_BASE_URL}, up to but excluding {@code /chat/completions}
 * @param apiKey  {@code PERPLEXITY_API_KEY}
 * @param model   {@code PERPLEXITY_MODEL}
 */
@ConfigurationProperties("ankirag.fact-check")
public record FactCheckProperties(
        @DefaultValue("https://api.perplexity.ai") String baseUrl,
        String apiKey,
        @DefaultValue("sonar") String model,
        @DefaultValue("json_schema") StructuredOutput structuredOutput,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue({"1s", "3s", "10s"}) List<Duration> retryDelays,
        @DefaultValue("30s") Duration maxRetryAfter) {

    CallPolicy policy() {
        return new CallPolicy(timeout, maxAttempts, retryDelays, maxRetryAfter);
    }
}
