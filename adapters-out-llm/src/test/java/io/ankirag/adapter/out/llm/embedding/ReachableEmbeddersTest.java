package io.ankirag.adapter.out.llm.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** While a newly configured model is built, queries are embedded by the previous one: which earlier models are within reach. */
class ReachableEmbeddersTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddingConfiguration.class);

    @Test
    void theConfiguredModelIsTheConfiguredEmbedder() {
        context.run(started -> {
            EmbedTextsPort configured = started.getBean(EmbedTextsPort.class);
            assertThat(started.getBean(FindEmbedderPort.class).embedderFor(configured.model())).containsSame(configured);
        });
    }

    @Test
    void theBuiltInModelIsAlwaysWithinReach() throws IOException {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(8)) {
            remote(server).run(started -> {
                var builtIn = started.getBean(FindEmbedderPort.class).embedderFor(new EmbeddingModelInfo("onnx", "all-minilm-l6-v2-q", 384));

                assertThat(builtIn).isPresent();
                assertThat(builtIn.get().embed(List.of("mitochondria"), EmbeddingPurpose.QUERY).getFirst()).hasSize(384);
            });
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void anotherRemoteModelIsCalledThroughTheConfiguredEndpoint() throws IOException {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(4)) {
            remote(server).run(started -> {
                var earlier = started.getBean(FindEmbedderPort.class).embedderFor(new EmbeddingModelInfo("openai", "older-model", 4));

                assertThat(earlier).isPresent();
                assertThat(earlier.get().embed(List.of("a"), EmbeddingPurpose.QUERY).getFirst()).hasSize(4);
            });
            assertThat(server.received()).singleElement().satisfies(request -> {
                assertThat(request.body().path("model").asText()).isEqualTo("older-model");
                assertThat(request.authorization()).isEqualTo("Bearer sk-1");
            });
        }
    }

    @Test
    void aDirectoryModelThatIsNotConfiguredIsOutOfReach() {
        context.run(started -> {
            FindEmbedderPort embedders = started.getBean(FindEmbedderPort.class);

            assertThat(embedders.embedderFor(new EmbeddingModelInfo("onnx", "multilingual-e5-small", 384))).isEmpty();
            assertThat(embedders.embedderFor(new EmbeddingModelInfo("onnx", "all-minilm-l6-v2-q", 768))).isEmpty();
            assertThat(embedders.embedderFor(new EmbeddingModelInfo("cohere", "embed-v3", 1024))).isEmpty();
        });
    }

    private ApplicationContextRunner remote(FakeEmbeddingServer server) {
        return context.withPropertyValues("ankirag.embedding.provider=openai", "ankirag.embedding.model=new-model",
                "ankirag.embedding.dimensions=8", "ankirag.embedding.api.base-url=" + server.baseUrl(),
                "ankirag.embedding.api.api-key=sk-1", "ankirag.embedding.api.retry-delays=1ms");
    }
}
