package io.ankirag.bootstrap.testing;

import io.ankirag.adapter.out.llm.fake.FakeOpenAiServer;
import io.ankirag.adapter.out.llm.fake.FakePerplexityServer;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One fake OpenAI-compatible server and one fake Perplexity per test JVM, over real HTTP, and the settings that
 * point the real LLM adapters at them: a dummy key, a short per-call timeout and millisecond backoffs, so tests of
 * retries and failures stay fast. Tests script the fakes by a key their prompts contain (a unique topic).
 */
public final class FakeLlms implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final FakeOpenAiServer OPENAI = new FakeOpenAiServer();
    public static final FakePerplexityServer PERPLEXITY = new FakePerplexityServer();
    public static final String MODEL = "fake-gpt";
    public static final int MAX_ATTEMPTS = 3;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-llms", Map.ofEntries(
                Map.entry("ankirag.llm.provider", "openai"),
                Map.entry("ankirag.llm.base-url", OPENAI.baseUrl().toString()),
                Map.entry("ankirag.llm.api-key", "fake-openai-key"),
                Map.entry("ankirag.llm.default-model", MODEL),
                Map.entry("ankirag.llm.timeout", "3s"),
                Map.entry("ankirag.llm.max-attempts", String.valueOf(MAX_ATTEMPTS)),
                Map.entry("ankirag.llm.retry-delays", "10ms,20ms"),
                Map.entry("ankirag.llm.max-retry-after", "1s"),
                Map.entry("ankirag.fact-check.base-url", PERPLEXITY.baseUrl().toString()),
                Map.entry("ankirag.fact-check.api-key", "fake-perplexity-key"),
                Map.entry("ankirag.fact-check.timeout", "3s"),
                Map.entry("ankirag.fact-check.max-attempts", String.valueOf(MAX_ATTEMPTS)),
                Map.entry("ankirag.fact-check.retry-delays", "10ms,20ms"),
                Map.entry("ankirag.fact-check.max-retry-after", "1s"))));
    }
}
