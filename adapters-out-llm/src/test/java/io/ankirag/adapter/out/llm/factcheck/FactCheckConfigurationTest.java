package io.ankirag.adapter.out.llm.factcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.adapter.out.llm.fake.FakePerplexityServer;
import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FactCheckConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FactCheckConfiguration.class);

    @Test
    void startsWithoutAKeyAndEachCheckNamesPerplexityApiKey() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(FactCheckPort.class);

            assertThatThrownBy(() -> started.getBean(FactCheckPort.class).check("Q: 2+2? A: 4", "en"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
                        assertThat(e.detail()).isEqualTo("Fact-checking is not configured: PERPLEXITY_API_KEY is not set");
                    });
        });
    }

    @Test
    void checksThroughTheConfiguredPerplexity() {
        try (FakePerplexityServer server = new FakePerplexityServer()) {
            context.withPropertyValues("ankirag.fact-check.base-url=" + server.baseUrl(),
                    "ankirag.fact-check.api-key=pplx-1", "ankirag.fact-check.model=sonar-pro").run(started -> {
                FactCheckPort.FactCheckResult result = started.getBean(FactCheckPort.class).check("Q: 2+2? A: 4", "en");

                assertThat(result.verdict()).isEqualTo(FactCheckPort.Verdict.SUPPORTED);
                assertThat(result.sources()).hasSize(2);
                assertThat(server.received().getFirst().model()).isEqualTo("sonar-pro");
            });
        }
    }

    @Test
    void defaultsToPerplexitysCurrentOnlineModelAndTheSpecsRetries() {
        context.run(started -> assertThat(started.getBean(FactCheckProperties.class)).satisfies(factCheck -> {
            assertThat(factCheck.baseUrl()).isEqualTo("https://api.perplexity.ai");
            assertThat(factCheck.model()).isEqualTo("sonar");
            assertThat(factCheck.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(factCheck.retryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));
        }));
    }
}
