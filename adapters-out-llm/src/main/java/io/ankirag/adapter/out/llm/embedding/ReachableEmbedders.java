package io.ankirag.adapter.out.llm.embedding;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured embedder, and those of earlier models this installation can still reach: the built-in ONNX model
 * (loaded on first use), and remote models through the configured OpenAI-compatible endpoint and key, which is
 * where a gateway such as SOP_LLM serves all its models. A model from a directory that is no longer configured
 * cannot be reached.
 */
final class ReachableEmbedders implements FindEmbedderPort {

    private static final Logger log = LoggerFactory.getLogger(ReachableEmbedders.class);

    private final EmbedTextsPort configured;
    private final EmbeddingProperties properties;
    private final Map<EmbeddingModelInfo, Optional<EmbedTextsPort>> reached = new ConcurrentHashMap<>();

    ReachableEmbedders(EmbedTextsPort configured, EmbeddingProperties properties) {
        this.configured = configured;
        this.properties = properties;
    }

    @Override
    public Optional<EmbedTextsPort> embedderFor(EmbeddingModelInfo model) {
        if (model.equals(configured.model())) {
            return Optional.of(configured);
        }
        return reached.computeIfAbsent(model, this::reach);
    }

    private Optional<EmbedTextsPort> reach(EmbeddingModelInfo model) {
        try {
            if (OnnxInProcessEmbedder.PROVIDER.equals(model.provider())
                    && OnnxInProcessEmbedder.ALL_MINILM_L6_V2_Q.equals(model.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(OnnxInProcessEmbedder.builtIn(model.name(), model.dimensions(), properties.batchSize()));
            }
            if (OpenAiCompatibleEmbedder.PROVIDER.equals(model.provider())) {
                EmbeddingProperties.Api api = properties.api();
                return Optional.of(new OpenAiCompatibleEmbedder(new OpenAiCompatibleEmbedder.Settings(
                        URI.create(api.baseUrl()), api.apiKey(), model.name(), model.dimensions(), properties.batchSize(),
                        api.timeout(), api.maxAttempts(), api.retryDelays())));
            }
        } catch (RuntimeException unusable) {
            log.warn("Embedding model {} cannot be reached from this configuration: {}", model, unusable.getMessage());
        }
        return Optional.empty();
    }
}
