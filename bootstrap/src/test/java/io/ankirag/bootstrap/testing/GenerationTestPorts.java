package io.ankirag.bootstrap.testing;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test implementations of the ports whose real adapters (LLM over HTTP, Redis) are built separately: primary, so
 * they win over the real ones wherever both exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class GenerationTestPorts {

    @Bean
    @Primary
    public ScriptedChatModel scriptedChatModel() {
        return new ScriptedChatModel();
    }

    @Bean
    @Primary
    public ScriptedFactChecker scriptedFactChecker() {
        return new ScriptedFactChecker();
    }

    @Bean
    @Primary
    public InMemoryRateLimits inMemoryRateLimits(Clock clock) {
        return new InMemoryRateLimits(clock);
    }

    @Bean
    @Primary
    public InMemoryIdempotencyKeys inMemoryIdempotencyKeys(Clock clock) {
        return new InMemoryIdempotencyKeys(clock);
    }

    @Bean
    @Primary
    public InMemorySignals inMemorySignals() {
        return new InMemorySignals();
    }
}
