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
            case ONNX -> embedding.download().named() ? downloaded(embedding) : embedding.hasModelDir()
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

    /**
     * The named model, from its directory ({@code EMBEDDING_MODEL_DIR}, else {@code EMBEDDING_MODEL_HOME/owner--name}),
     * downloaded there first if missing. Its name is the repository's model name unless {@code EMBEDDING_MODEL} names
     * it otherwise (the name decides e5's prefixes and whether the model counts as multilingual).
     */
    static EmbedTextsPort downloaded(EmbeddingProperties embedding) {
        EmbeddingProperties.Download download = embedding.download();
        HubModelDownload.Source source = new HubModelDownload.Source(URI.create(download.hubUrl()), download.repo().strip(),
                download.revision(), download.sha256(), download.timeout());
        Path directory = embedding.hasModelDir() ? Path.of(embedding.modelDir())
                : Path.of(download.home()).resolve(source.repo().replace("/", "--"));
        new HubModelDownload(source, log::info).into(directory);
        String name = OnnxInProcessEmbedder.ALL_MINILM_L6_V2_Q.equals(embedding.model()) ? source.modelName() : embedding.model();
        return OnnxInProcessEmbedder.fromDirectory(directory, name, embedding.pooling(), embedding.dimensions(), embedding.batchSize());
    }

    @Bean
    FindEmbedderPort findEmbedderPort(EmbedTextsPort configured, EmbeddingProperties embedding) {
        return new ReachableEmbedders(configured, embedding);
    }
}
