package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.FactCheckPort;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real LLM adapters, pointed at the fake servers of {@link FakeLlms}, each wrapped so that tests script the
 * fake's answers by a key and see the calls the pipeline made. Rate limits, idempotency keys and signals use the
 * real Redis adapters; unique users per test keep their keys apart.
 */
@TestConfiguration(proxyBeanMethods = false)
public class GenerationTestPorts {

    @Bean
    @Primary
    public ScriptedChatModel scriptedChatModel(@Qualifier("chatModelPort") ChatModelPort chatModelPort) {
        return new ScriptedChatModel(chatModelPort, FakeLlms.OPENAI);
    }

    @Bean
    @Primary
    public ScriptedFactChecker scriptedFactChecker(@Qualifier("factCheckPort") FactCheckPort factCheckPort) {
        return new ScriptedFactChecker(factCheckPort, FakeLlms.PERPLEXITY);
    }
}
