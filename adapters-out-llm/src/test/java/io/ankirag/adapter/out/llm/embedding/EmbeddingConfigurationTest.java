package io.ankirag.adapter.out.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddingConfiguration.class);

    @Test
    void embedsInProcessWithTheBuiltInModelByDefault() {
        context.run(started -> {
            assertThat(started).hasSingleBean(EmbedTextsPort.class);
            EmbedTextsPort embedder = started.getBean(EmbedTextsPort.class);
            assertThat(embedder).isInstanceOf(OnnxInProcessEmbedder.class);
            assertThat(embedder.model()).isEqualTo(new EmbeddingModelInfo("onnx", "all-minilm-l6-v2-q", 384));
        });
    }

    @Test
    void loadsAnOnnxModelFromTheConfiguredDirectory(@TempDir Path root) throws IOException {
        Path directory = OnnxInProcessEmbedderTest.modelDirectory(root);

        context.withPropertyValues("ankirag.embedding.model-dir=" + directory, "ankirag.embedding.model=multilingual-e5-small",
                "ankirag.embedding.pooling=mean").run(started -> {
            assertThat(started).hasSingleBean(EmbedTextsPort.class);
            assertThat(started.getBean(EmbedTextsPort.class).model())
                    .isEqualTo(new EmbeddingModelInfo("onnx", "multilingual-e5-small", 384));
        });
    }

    @Test
    void refusesToStartWhenTheModelsDimensionsDifferFromTheConfiguredOnes() {
        context.withPropertyValues("ankirag.embedding.dimensions=1024").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("EMBEDDING_DIMENSIONS is 1024"));
    }

    @Test
    void callsARemoteEndpointWhenTheProviderIsOpenai() throws IOException {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(8)) {
            context.withPropertyValues("ankirag.embedding.provider=openai", "ankirag.embedding.model=multilingual-e5-large",
                    "ankirag.embedding.dimensions=8", "ankirag.embedding.batch-size=2",
                    "ankirag.embedding.api.base-url=" + server.baseUrl(), "ankirag.embedding.api.api-key=sk-1",
                    "ankirag.embedding.api.retry-delays=1ms,2ms").run(started -> {
                assertThat(started).hasSingleBean(EmbedTextsPort.class);
                EmbedTextsPort embedder = started.getBean(EmbedTextsPort.class);
                assertThat(embedder.model()).isEqualTo(new EmbeddingModelInfo("openai", "multilingual-e5-large", 8));

                assertThat(embedder.embed(List.of("a", "b", "c"), EmbeddingPurpose.DOCUMENT)).hasSize(3);
            });
            assertThat(server.received()).hasSize(2).allSatisfy(request ->
                    assertThat(request.authorization()).isEqualTo("Bearer sk-1"));
        }
    }

    @Test
    void defaultsTheRemoteRetriesToOneThreeAndTenSeconds() {
        context.run(started -> assertThat(started.getBean(EmbeddingProperties.class).api()).satisfies(api -> {
            assertThat(api.maxAttempts()).isEqualTo(3);
            assertThat(api.retryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));
            assertThat(api.timeout()).isEqualTo(Duration.ofSeconds(60));
        }));
    }
}
