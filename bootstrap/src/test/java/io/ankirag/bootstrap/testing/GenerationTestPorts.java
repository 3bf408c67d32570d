package io.ankirag.bootstrap.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Scripted stand-ins for the language models: primary, so they win over the real LLM adapters. Rate limits,
 * idempotency keys and signals use the real Redis adapters; unique users per test keep their keys apart.
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
}
