package io.ankirag.adapter.out.llm.embedding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Embeds through any OpenAI-compatible {@code POST {base-url}/embeddings}: the SOP_LLM gateway, OpenAI itself
 * ({@code https://api.openai.com/v1}), Ollama ({@code http://localhost:11434/v1}), vLLM, Hugging Face TEI.
 *
 * <p>The JDK's HttpClient and Jackson rather than langchain4j-open-ai: its retry count is configurable but not
 * the waits between tries, which statuses it retries is its own choice, and its errors would need unwrapping
 * to name the cause; this class is short and every one of those decisions is visible here.
 *
 * <p>A batch is tried up to {@code maxAttempts} times when the endpoint is unreachable, times out, or answers
 * 408, 429 or 5xx, waiting {@code retryDelays[i]} before try {@code i + 2} (the last delay repeats). Any other
 * status, malformed JSON, a wrong number of vectors or vectors of the wrong length fail at once: trying again
 * would not change them.
 */
final class OpenAiCompatibleEmbedder implements EmbedTextsPort {

    static final String PROVIDER = "openai";
    private static final int MAX_ERROR_BODY = 300;

    /**
     * @param baseUrl     up to but excluding {@code /embeddings}
     * @param apiKey      sent as {@code Authorization: Bearer}; blank sends none (Ollama, a local TEI)
     * @param timeout     for connecting, and for each try's whole answer
     * @param maxAttempts tries per batch, at least 1
     * @param retryDelays waits between tries (1 s, 3 s, 10 s in production; milliseconds in tests)
     */
    record Settings(URI baseUrl, String apiKey, String model, int dimensions, int batchSize, Duration timeout,
                    int maxAttempts, List<Duration> retryDelays) {

        Settings {
            Objects.requireNonNull(baseUrl, "EMBEDDING_API_BASE_URL");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("EMBEDDING_API_BASE_URL must be an http(s) URL, got '" + baseUrl + "'");
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("EMBEDDING_MODEL must name the remote model");
            }
            if (dimensions <= 0) {
                throw new IllegalArgumentException("EMBEDDING_DIMENSIONS must be positive, got " + dimensions);
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("EMBEDDING_BATCH_SIZE must be positive, got " + batchSize);
            }
            Objects.requireNonNull(timeout, "timeout");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
            }
            retryDelays = List.copyOf(retryDelays);
            if (maxAttempts > 1 && retryDelays.isEmpty()) {
                throw new IllegalArgumentException("retry delays are needed for more than one attempt");
            }
        }
    }

    private final Settings settings;
    private final URI endpoint;
    private final EmbeddingModelInfo info;
    private final InstructionPrefixes prefixes;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    OpenAiCompatibleEmbedder(Settings settings) {
        this.settings = settings;
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/embeddings");
        this.info = new EmbeddingModelInfo(PROVIDER, settings.model(), settings.dimensions());
        this.prefixes = InstructionPrefixes.forModel(settings.model());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public EmbeddingModelInfo model() {
        return info;
    }

    @Override
    public List<float[]> embed(List<String> texts, EmbeddingPurpose purpose) {
        Vectors.requireEmbeddable(texts);
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (List<String> batch : Vectors.batches(texts, settings.batchSize())) {
            vectors.addAll(embedBatch(batch.stream().map(text -> prefixes.apply(text, purpose)).toList()));
        }
        return vectors;
    }

    private List<float[]> embedBatch(List<String> inputs) {
        HttpRequest request = request(inputs);
        String lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(settings.retryDelays().get(Math.min(attempt - 2, settings.retryDelays().size() - 1)));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException timedOut) {
                lastFailure = "timed out after " + settings.timeout().toMillis() + " ms";
                continue;
            } catch (IOException unreachable) {
                lastFailure = "could not be reached (" + unreachable.getClass().getSimpleName()
                        + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()) + ")";
                continue;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw failure("was interrupted while waiting for " + endpoint);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return vectors(response.body(), inputs.size());
            }
            lastFailure = "answered HTTP " + status + describeBody(response.body());
            if (!retryable(status)) {
                throw failure(endpoint + " " + lastFailure);
            }
        }
        throw failure(endpoint + " failed " + settings.maxAttempts() + " attempt(s); the last " + lastFailure);
    }

    private HttpRequest request(List<String> inputs) {
        ObjectNode body = json.createObjectNode().put("model", settings.model());
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return request.build();
    }

    /** OpenAI's answer: {@code {"data": [{"index": 0, "embedding": [...]}, ...]}}, ordered by index. */
    private List<float[]> vectors(String body, int expected) {
        JsonNode data;
        try {
            data = json.readTree(body).path("data");
        } catch (JsonProcessingException malformed) {
            throw failure(endpoint + " answered malformed JSON: " + malformed.getOriginalMessage());
        }
        if (!data.isArray()) {
            throw failure(endpoint + " answered JSON without a \"data\" array" + describeBody(body));
        }
        if (data.size() != expected) {
            throw failure(endpoint + " answered " + data.size() + " vectors for " + expected + " texts");
        }
        float[][] ordered = new float[expected][];
        for (int i = 0; i < expected; i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= expected || ordered[index] != null) {
                throw failure(endpoint + " answered a vector with index " + index + " for " + expected + " texts");
            }
            if (!embedding.isArray()) {
                throw failure(endpoint + " answered item " + i + " without an \"embedding\" array of numbers"
                        + " (base64 encoding is not supported)");
            }
            float[] vector = new float[embedding.size()];
            for (int d = 0; d < vector.length; d++) {
                JsonNode component = embedding.get(d);
                if (!component.isNumber()) {
                    throw failure(endpoint + " answered a non-numeric component in vector " + i);
                }
                vector[d] = component.floatValue();
            }
            ordered[index] = Vectors.normalised(vector, settings.dimensions(),
                    "Embedding endpoint " + endpoint + " (model " + settings.model() + ")");
        }
        return List.of(ordered);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String describeBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > MAX_ERROR_BODY ? oneLine.substring(0, MAX_ERROR_BODY) + "…" : oneLine);
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted while waiting to retry " + endpoint);
        }
    }

    private static DomainException failure(String what) {
        return new DomainException(ErrorCode.RAG_001, "Embedding endpoint " + what);
    }
}
