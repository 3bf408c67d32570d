package io.ankirag.adapter.out.llm.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code EMBEDDING_*} settings. The defaults embed in-process with all-MiniLM-L6-v2-q (384 dimensions), which
 * needs nothing else running.
 *
 * @param provider  {@code onnx} (in this JVM) or {@code openai} (any OpenAI-compatible {@code /embeddings})
 * @param model     {@code EMBEDDING_MODEL}; for onnx without a directory it must be the built-in model; a name
 *                  containing "e5" turns on e5's {@code query: }/{@code passage: } prefixes
 * @param modelDir  {@code EMBEDDING_MODEL_DIR}: an ONNX model and its tokenizer.json; blank for the built-in one
 * @param pooling   {@code EMBEDDING_POOLING} for a directory model: {@code mean} (e5, MiniLM) or {@code cls} (BGE)
 * @param download  a named model fetched once from a model hub into its directory
 */
@ConfigurationProperties("ankirag.embedding")
record EmbeddingProperties(
        @DefaultValue("onnx") Provider provider,
        @DefaultValue(OnnxInProcessEmbedder.ALL_MINILM_L6_V2_Q) String model,
        @DefaultValue("384") int dimensions,
        @DefaultValue("100") int batchSize,
        String modelDir,
        @DefaultValue("mean") PoolingMode pooling,
        @DefaultValue Api api,
        @DefaultValue Download download) {

    enum Provider {
        ONNX,
        OPENAI
    }

    /**
     * The remote endpoint, for {@code provider=openai}.
     *
     * @param baseUrl     {@code EMBEDDING_API_BASE_URL}, defaulting to {@code SOP_LLM_API_BASE_URL}; {@code /embeddings}
     *                    is appended
     * @param apiKey      {@code EMBEDDING_API_KEY}, defaulting to {@code SOP_LLM_API_KEY}; blank sends none
     * @param retryDelays waits before the second, third… attempt
     */
    record Api(
            @DefaultValue("http://localhost:8001") String baseUrl,
            String apiKey,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue({"1s", "3s", "10s"}) List<Duration> retryDelays) {
    }

    /**
     * A model named by its hub repository, downloaded on first start when {@code EMBEDDING_MODEL_DIR} lacks it.
     *
     * @param repo     {@code EMBEDDING_MODEL_REPO}, {@code owner/name}; blank for none
     * @param hubUrl   {@code EMBEDDING_MODEL_HUB_URL}
     * @param revision {@code EMBEDDING_MODEL_REVISION}
     * @param sha256   {@code EMBEDDING_MODEL_SHA256}: pins the ONNX file; blank takes the hub listing's checksum
     * @param home     {@code EMBEDDING_MODEL_HOME}: where a downloaded model goes when {@code EMBEDDING_MODEL_DIR} is blank
     */
    record Download(
            String repo,
            @DefaultValue("https://huggingface.co") String hubUrl,
            @DefaultValue("main") String revision,
            String sha256,
            @DefaultValue("models") String home,
            @DefaultValue("60s") Duration timeout) {

        boolean named() {
            return repo != null && !repo.isBlank();
        }
    }

    boolean hasModelDir() {
        return modelDir != null && !modelDir.isBlank();
    }
}
