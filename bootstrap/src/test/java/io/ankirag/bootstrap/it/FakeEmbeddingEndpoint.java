package io.ankirag.bootstrap.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code POST /v1/embeddings} over real HTTP on 127.0.0.1, for the application's remote
 * embedding adapter. Its vectors are bags of words (each word adds one to a dimension picked by its hash), so
 * texts sharing words are similar and the same text always gets the same vector. It can be told to fail every
 * request until it recovers, and it records what it was asked to embed.
 */
final class FakeEmbeddingEndpoint implements AutoCloseable {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final int dimensions;
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private volatile int failingStatus;

    FakeEmbeddingEndpoint(int dimensions) {
        this.dimensions = dimensions;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every request from now on answers {@code status} until {@link #recover()}. */
    void failWith(int status) {
        failingStatus = status;
    }

    void recover() {
        failingStatus = 0;
    }

    /** The inputs of every request answered with vectors, in order. */
    List<List<String>> embedded() {
        return List.copyOf(requests);
    }

    List<String> embeddedTexts() {
        return embedded().stream().flatMap(List::stream).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        int failing = failingStatus;
        if (failing != 0) {
            respond(exchange, failing, "{\"error\":{\"message\":\"the model is overloaded\"}}");
            return;
        }
        List<String> inputs = body.path("input").valueStream().map(JsonNode::asText).toList();
        requests.add(inputs);
        ObjectNode answer = json.createObjectNode().put("object", "list").put("model", body.path("model").asText());
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode embedding = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float component : vectorOf(inputs.get(i))) {
                embedding.add(component);
            }
        }
        respond(exchange, 200, answer.toString());
    }

    float[] vectorOf(String text) {
        float[] vector = new float[dimensions];
        vector[0] = 0.01f;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            vector[Math.floorMod(words.group().hashCode(), dimensions)] += 1;
        }
        return vector;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
