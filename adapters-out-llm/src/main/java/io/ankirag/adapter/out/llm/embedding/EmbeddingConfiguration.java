package io.ankirag.adapter.out.llm.embedding;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link EmbedTextsPort}, picked by {@code EMBEDDING_PROVIDER} (an in-process model loads at start-up), and
 * the embedders of earlier models still served while the configured one's vectors are built.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
class EmbeddingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);

    @Bean
    EmbedTextsPort embedTextsPort(EmbeddingProperties embedding) {
        EmbedTextsPort embedder = switch (embedding.provider()) {
            case ONNX -> embedding.hasModelDir()
                    ? OnnxInProcessEmbedder.fromDirectory(Path.of(embedding.modelDir()), embedding.model(),
                            embedding.pooling(), embedding.dimensions(), embedding.batchSize())
                    : OnnxInProcessEmbedder.builtIn(embedding.model(), embedding.dimensions(), embedding.batchSize());
            case OPENAI -> new OpenAiCompatibleEmbedder(new OpenAiCompatibleEmbedder.Settings(
                    URI.create(embedding.api().baseUrl()), embedding.api().apiKey(), embedding.model(),
                    embedding.dimensions(), embedding.batchSize(), embedding.api().timeout(),
                    embedding.api().maxAttempts(), embedding.api().retryDelays()));
        };
        log.info("Embeddings: {} (batches of {})", embedder.model(), embedding.batchSize());
        return embedder;
    }

    @Bean
    FindEmbedderPort findEmbedderPort(EmbedTextsPort configured, EmbeddingProperties embedding) {
        return new ReachableEmbedders(configured, embedding);
    }
}
