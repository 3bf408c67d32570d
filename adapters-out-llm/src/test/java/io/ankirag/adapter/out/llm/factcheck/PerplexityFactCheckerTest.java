package io.ankirag.adapter.out.llm.factcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.adapter.out.llm.fake.FakePerplexityServer;
import io.ankirag.adapter.out.llm.fake.FakePerplexityServer.SearchResult;
import io.ankirag.application.port.out.llm.FactCheckPort.FactCheckResult;
import io.ankirag.application.port.out.llm.FactCheckPort.Source;
import io.ankirag.application.port.out.llm.FactCheckPort.Verdict;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerplexityFactCheckerTest {

    private static final String CLAIM = "Q: What is the capital of Australia? A: Sydney";

    private final FakePerplexityServer server = new FakePerplexityServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PerplexityFactChecker checker(StructuredOutput structuredOutput) {
        return new PerplexityFactChecker(server.baseUrl(), "pplx-test", "sonar", structuredOutput,
                new CallPolicy(Duration.ofSeconds(5), 3, List.of(Duration.ofMillis(20)), Duration.ofSeconds(2)));
    }

    private PerplexityFactChecker checker() {
        return checker(StructuredOutput.JSON_SCHEMA);
    }

    @Test
    void asksTheOnlineModelForAJsonVerdictInTheLearnersLanguage() {
        checker().check(CLAIM, "ru");

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/chat/completions");
            assertThat(request.header("Authorization")).isEqualTo("Bearer pplx-test");
            assertThat(request.model()).isEqualTo("sonar");
            assertThat(request.temperature().asDouble()).isEqualTo(0.2);
            assertThat(request.responseFormat().path("type").asText()).isEqualTo("json_schema");
            assertThat(request.responseFormat().path("json_schema").path("schema").path("properties").path("verdict")
                    .path("enum").toString()).isEqualTo("[\"SUPPORTED\",\"DISPUTED\",\"UNVERIFIABLE\"]");
            assertThat(request.messages().getFirst().content()).contains("language whose code is ru");
            assertThat(request.lastUserMessage()).endsWith(CLAIM);
        });
    }

    @Test
    void aDisputedClaimComesBackWithItsCorrectionAndTheCitationsAsSources() {
        server.thenReply(FakePerplexityServer.verdict("DISPUTED",
                        "Canberra, not Sydney, has been the capital since 1913.", "Canberra"),
                List.of("https://en.wikipedia.org/wiki/Canberra", "https://www.aph.gov.au/About_Parliament"),
                List.of(new SearchResult("Canberra - Wikipedia", "https://en.wikipedia.org/wiki/Canberra"),
                        new SearchResult("About Parliament", "https://www.aph.gov.au/About_Parliament")));

        FactCheckResult result = checker().check(CLAIM, "en");

        assertThat(result.verdict()).isEqualTo(Verdict.DISPUTED);
        assertThat(result.explanation()).isEqualTo("Canberra, not Sydney, has been the capital since 1913.");
        assertThat(result.correction()).isEqualTo("Canberra");
        assertThat(result.sources()).containsExactly(
                new Source("https://en.wikipedia.org/wiki/Canberra", "Canberra - Wikipedia"),
                new Source("https://www.aph.gov.au/About_Parliament", "About Parliament"));
        assertThat(result.model()).isEqualTo("sonar");
        assertThat(result.inputTokens()).isEqualTo(server.received().getFirst().promptWords());
        assertThat(result.outputTokens()).isPositive();
        assertThat(result.latency()).isPositive();
    }

    @Test
    void sourcesKeepTheCitationOrderWithoutDuplicatesThenAddUncitedSearchResults() {
        server.thenReply(FakePerplexityServer.verdict("SUPPORTED", "Yes.", "ignored unless disputed"),
                List.of("https://b.example/", "https://a.example", "https://b.example"),
                List.of(new SearchResult("A", "https://a.example"), new SearchResult("C", "https://c.example"),
                        new SearchResult("B", "https://b.example")));

        FactCheckResult result = checker().check(CLAIM, "en");

        assertThat(result.sources()).containsExactly(
                new Source("https://b.example/", "B"), new Source("https://a.example", "A"),
                new Source("https://c.example", "C"));
        assertThat(result.correction()).as("only a disputed claim has a correction").isEmpty();
    }

    @Test
    void searchResultsAloneAreSourcesToo() {
        server.thenReply(FakePerplexityServer.verdict("UNVERIFIABLE", "Nothing reliable found.", ""),
                List.of(), List.of(new SearchResult("Only result", "https://only.example/page")));

        FactCheckResult result = checker().check(CLAIM, "en");

        assertThat(result.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(result.sources()).containsExactly(new Source("https://only.example/page", "Only result"));
    }

    @Test
    void aVerdictAfterAThinkingBlockOrInAFenceIsRead() {
        server.thenReply("<think>Let me search.</think>\n```json\n"
                + FakePerplexityServer.verdict("supported", "Agreed.", "") + "\n```");

        assertThat(checker(StructuredOutput.INSTRUCTION).check(CLAIM, "en").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(server.received().getFirst().responseFormat().isMissingNode()).isTrue();
    }

    @Test
    void anAnswerWithoutAVerdictIsGen001() {
        server.thenReply("{\"verdict\": \"PROBABLY\", \"explanation\": \"hmm\"}");

        assertThatThrownBy(() -> checker().check(CLAIM, "en")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
            assertThat(e.detail()).startsWith("Fact-checker perplexity at " + server.baseUrl() + " (model sonar)")
                    .contains("without a verdict of SUPPORTED, DISPUTED or UNVERIFIABLE").contains("PROBABLY");
        });
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void proseInsteadOfJsonIsGen001() {
        server.thenReply("The claim is wrong, the capital is Canberra.");

        assertThatThrownBy(() -> checker().check(CLAIM, "en")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
            assertThat(e.detail()).contains("not valid JSON");
        });
    }

    @Test
    void serverErrorsAreRetriedAndRateLimitsHonoured() {
        server.thenFail(500, "internal").thenRateLimit("0").thenReply(FakePerplexityServer.verdict("SUPPORTED", "Yes.", ""));

        FactCheckResult result = checker().check(CLAIM, "en");

        assertThat(result.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(result.sources()).extracting(Source::url)
                .containsExactlyElementsOf(FakePerplexityServer.DEFAULT_SOURCES.stream().map(SearchResult::url).toList());
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void givesUpWithGen001AfterItsAttempts() {
        server.thenFail(503, "down").thenFail(503, "down").thenFail(503, "still down");

        assertThatThrownBy(() -> checker().check(CLAIM, "en")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
            assertThat(e.detail()).contains("failed 3 attempt(s); the last answered HTTP 503").contains("still down");
        });
    }
}
