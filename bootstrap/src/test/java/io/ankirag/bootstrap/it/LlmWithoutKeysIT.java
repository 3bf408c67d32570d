package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.application.port.out.llm.ChatModelPort.LlmRequest;
import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test profile blanks every LLM key (application-test.yml), as on a fresh install: the application serves,
 * and the model and fact-checker answer each call with GEN_001 naming the variable to set. A context of its own:
 * the other integration tests point the LLM settings at fake servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
@DirtiesContext
class LlmWithoutKeysIT extends HttpApiTestBase {

    @Autowired
    ChatModelPort chatModel;

    @Autowired
    FactCheckPort factCheck;

    @Test
    void theApplicationStartsWithoutLlmKeys() {
        assertThat(api.get("/api/health", null).status()).isEqualTo(200);
    }

    @Test
    void eachChatCallNamesTheMissingKey() {
        assertThatThrownBy(() -> chatModel.complete(LlmRequest.of("", "Five cards about Rome")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
                    assertThat(e.detail()).isEqualTo("LLM openai is not configured: SOP_LLM_API_KEY is not set");
                });
        assertThatThrownBy(() -> chatModel.stream(LlmRequest.of("", "Hi"), delta -> { }))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GEN_001));
    }

    @Test
    void eachFactCheckNamesTheMissingKey() {
        assertThatThrownBy(() -> factCheck.check("Q: Capital of Australia? A: Canberra", "en"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
                    assertThat(e.detail()).isEqualTo("Fact-checking is not configured: PERPLEXITY_API_KEY is not set");
                });
    }
}
