package io.ankirag.adapter.out.llm.factcheck;

import io.ankirag.application.port.out.llm.FactCheckPort;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link FactCheckPort}: Perplexity, or, without its key, one that fails each check with {@code GEN_001}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FactCheckProperties.class)
class FactCheckConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FactCheckConfiguration.class);

    @Bean
    FactCheckPort factCheckPort(FactCheckProperties factCheck) {
        String missing = blank(factCheck.baseUrl()) ? "PERPLEXITY_BASE_URL"
                : blank(factCheck.apiKey()) ? "PERPLEXITY_API_KEY" : null;
        if (missing != null) {
            log.warn("Fact-checking is not configured ({} is not set): checks will fail with GEN_001", missing);
            return new UnconfiguredFactChecker(missing);
        }
        log.info("Fact-checking: {} at {}", factCheck.model(), factCheck.baseUrl());
        return new PerplexityFactChecker(URI.create(factCheck.baseUrl().strip()), factCheck.apiKey().strip(),
                factCheck.model(), factCheck.structuredOutput(), factCheck.policy());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
