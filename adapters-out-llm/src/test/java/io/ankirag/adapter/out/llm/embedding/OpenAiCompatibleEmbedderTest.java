package io.ankirag.adapter.out.llm.embedding;

import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.DOCUMENT;
import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleEmbedderTest {

    private static final int DIMENSIONS = 4;
    private static final List<Duration> FAST_RETRIES = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));

    private FakeEmbeddingServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeEmbeddingServer(DIMENSIONS);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private OpenAiCompatibleEmbedder embedder(String apiKey, String model, int batchSize, Duration timeout) {
        return new OpenAiCompatibleEmbedder(new OpenAiCompatibleEmbedder.Settings(server.baseUrl(), apiKey, model,
                DIMENSIONS, batchSize, timeout, 3, FAST_RETRIES));
    }

    private OpenAiCompatibleEmbedder embedder() {
        return embedder("", "text-embedding-test", 100, Duration.ofSeconds(5));
    }

    @Test
    void describesTheConfiguredModel() {
        assertThat(embedder().model()).isEqualTo(new EmbeddingModelInfo("openai", "text-embedding-test", DIMENSIONS));
    }

    @Test
    void postsTheModelAndAnInputArrayAndReturnsUnitVectorsInOrder() {
        server.answerInReverseOrder();

        List<float[]> vectors = embedder().embed(List.of("alpha", "beta", "gamma"), DOCUMENT);

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.body().path("model").asText()).isEqualTo("text-embedding-test");
            assertThat(request.inputs()).containsExactly("alpha", "beta", "gamma");
            assertThat(request.contentType()).isEqualTo("application/json");
        });
        assertThat(vectors).hasSize(3);
        List<String> texts = List.of("alpha", "beta", "gamma");
        for (int i = 0; i < texts.size(); i++) {
            assertThat(vectors.get(i)).containsExactly(unit(server.vectorFor(texts.get(i))), within(1e-6f));
        }
    }

    @Test
    void sendsOneRequestPerBatchOfTheConfiguredSize() {
        List<String> texts = List.of("one", "two", "three", "four", "five");

        List<float[]> vectors = embedder("", "m", 2, Duration.ofSeconds(5)).embed(texts, DOCUMENT);

        assertThat(server.received()).extracting(FakeEmbeddingServer.Received::inputs)
                .containsExactly(List.of("one", "two"), List.of("three", "four"), List.of("five"));
        assertThat(vectors.get(4)).containsExactly(unit(server.vectorFor("five")), within(1e-6f));
    }

    @Test
    void retriesA503AndSucceeds() {
        server.thenAnswer(503, "{\"error\":\"warming up\"}").thenAnswer(503, "");

        List<float[]> vectors = embedder().embed(List.of("alpha"), QUERY);

        assertThat(server.received()).hasSize(3);
        assertThat(vectors).singleElement().satisfies(v -> assertThat(v).hasSize(DIMENSIONS));
    }

    @Test
    void retriesA429() {
        server.thenAnswer(429, "{\"error\":\"slow down\"}");

        assertThat(embedder().embed(List.of("alpha"), QUERY)).hasSize(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void givesUpAfterThreeAttemptsWithRag001() {
        server.thenAnswer(503, "").thenAnswer(502, "").thenAnswer(503, "{\"error\":\"still down\"}").thenAnswer(200, "{}");

        assertRag001(() -> embedder().embed(List.of("alpha"), QUERY), detail -> assertThat(detail)
                .contains("failed 3 attempt(s)").contains("HTTP 503").contains("still down"));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void doesNotRetryAClientError() {
        server.thenAnswer(401, "{\"error\":{\"message\":\"Incorrect API key\"}}");

        assertRag001(() -> embedder().embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("HTTP 401").contains("Incorrect API key"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aTimeoutOnEveryAttemptIsRag001() {
        for (int i = 0; i < 3; i++) {
            server.thenAnswerAfter(Duration.ofSeconds(2));
        }

        assertRag001(() -> embedder("", "m", 100, Duration.ofMillis(150)).embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("timed out after 150 ms"));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aTimeoutIsRetried() {
        server.thenAnswerAfter(Duration.ofSeconds(2));

        assertThat(embedder("", "m", 100, Duration.ofMillis(300)).embed(List.of("alpha"), QUERY)).hasSize(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void vectorsOfTheWrongLengthAreRag001() {
        server.thenAnswer(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,0.2,0.3]}]}");

        assertRag001(() -> embedder().embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("3 dimensions, expected 4"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void theWrongNumberOfVectorsIsRag001() {
        server.thenAnswer(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,0.2,0.3,0.4]}]}");

        assertRag001(() -> embedder().embed(List.of("alpha", "beta"), QUERY),
                detail -> assertThat(detail).contains("answered 1 vectors for 2 texts"));
    }

    @Test
    void malformedJsonIsRag001() {
        server.thenAnswer(200, "{\"data\": [");

        assertRag001(() -> embedder().embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("malformed JSON"));
    }

    @Test
    void jsonWithoutDataIsRag001() {
        server.thenAnswer(200, "{\"error\":\"model not loaded\"}");

        assertRag001(() -> embedder().embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("without a \"data\" array").contains("model not loaded"));
    }

    @Test
    void anUnreachableEndpointIsRag001AfterItsAttempts() throws IOException {
        URI nobodyListens;
        try (FakeEmbeddingServer gone = new FakeEmbeddingServer(DIMENSIONS)) {
            nobodyListens = gone.baseUrl();
        }
        OpenAiCompatibleEmbedder embedder = new OpenAiCompatibleEmbedder(new OpenAiCompatibleEmbedder.Settings(
                nobodyListens, "", "m", DIMENSIONS, 100, Duration.ofSeconds(2), 3, FAST_RETRIES));

        assertRag001(() -> embedder.embed(List.of("alpha"), QUERY),
                detail -> assertThat(detail).contains("failed 3 attempt(s)").contains("could not be reached"));
    }

    @Test
    void sendsTheApiKeyAsABearerToken() {
        embedder("sk-test-123", "m", 100, Duration.ofSeconds(5)).embed(List.of("alpha"), QUERY);
        embedder().embed(List.of("alpha"), QUERY);

        assertThat(server.received()).extracting(FakeEmbeddingServer.Received::authorization)
                .containsExactly("Bearer sk-test-123", null);
    }

    @Test
    void prefixesQueriesAndPassagesForAnE5Model() {
        OpenAiCompatibleEmbedder e5 = embedder("", "multilingual-e5-large", 100, Duration.ofSeconds(5));

        e5.embed(List.of("capital of Italy"), QUERY);
        e5.embed(List.of("Rome is the capital of Italy"), DOCUMENT);
        embedder().embed(List.of("capital of Italy"), QUERY);

        assertThat(server.received()).extracting(FakeEmbeddingServer.Received::inputs).containsExactly(
                List.of("query: capital of Italy"), List.of("passage: Rome is the capital of Italy"), List.of("capital of Italy"));
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new OpenAiCompatibleEmbedder.Settings(URI.create(""), "", "m", DIMENSIONS, 100,
                Duration.ofSeconds(1), 3, FAST_RETRIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EMBEDDING_API_BASE_URL must be an http(s) URL");
    }

    @Test
    void answersAnEmptyListWithoutARequest() {
        assertThat(embedder().embed(List.of(), DOCUMENT)).isEmpty();
        assertThat(server.received()).isEmpty();
    }

    private static void assertRag001(ThrowingCallable call, Consumer<String> detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RAG_001);
            detail.accept(e.detail());
        });
    }

    private static float[] unit(float[] vector) {
        return Vectors.normalised(vector, vector.length, "test");
    }
}
