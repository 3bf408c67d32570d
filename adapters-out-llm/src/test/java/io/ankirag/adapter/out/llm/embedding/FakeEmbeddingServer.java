package io.ankirag.adapter.out.llm.embedding;

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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible {@code POST /v1/embeddings} on 127.0.0.1 and a random port, over real HTTP. Unless told
 * otherwise it answers each input with a deterministic vector of {@code dimensions} floats; scripted answers
 * are used first, one per request.
 */
final class FakeEmbeddingServer implements AutoCloseable {

    record Received(JsonNode body, String authorization, String contentType) {

        List<String> inputs() {
            return body.path("input").valueStream().map(JsonNode::asText).toList();
        }
    }

    private record Scripted(int status, String body, Duration delay) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final int dimensions;
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean reverseOrder;

    FakeEmbeddingServer(int dimensions) throws IOException {
        this.dimensions = dimensions;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
    }

    /** The next request gets this answer instead of vectors. */
    FakeEmbeddingServer thenAnswer(int status, String body) {
        script.add(new Scripted(status, body, Duration.ZERO));
        return this;
    }

    /** The next request gets its vectors only after {@code delay}. */
    FakeEmbeddingServer thenAnswerAfter(Duration delay) {
        script.add(new Scripted(200, null, delay));
        return this;
    }

    /** Lists the vectors last to first, each with its index, as the API allows. */
    void answerInReverseOrder() {
        reverseOrder = true;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The vector this server gives a text, before normalisation. */
    float[] vectorFor(String text) {
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            vector[d] = 1 + Math.floorMod(text.hashCode() * (d + 7), 97);
        }
        return vector;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type")));
        Scripted scripted = script.poll();
        if (scripted != null && !scripted.delay().isZero()) {
            try {
                Thread.sleep(scripted.delay());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (scripted != null && scripted.body() != null) {
            respond(exchange, scripted.status(), scripted.body());
            return;
        }
        respond(exchange, 200, vectors(body).toString());
    }

    private ObjectNode vectors(JsonNode request) {
        ObjectNode answer = json.createObjectNode().put("object", "list").put("model", request.path("model").asText());
        ArrayNode data = answer.putArray("data");
        List<String> inputs = request.path("input").valueStream().map(JsonNode::asText).toList();
        for (int n = 0; n < inputs.size(); n++) {
            int i = reverseOrder ? inputs.size() - 1 - n : n;
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode embedding = item.putArray("embedding");
            for (float component : vectorFor(inputs.get(i))) {
                embedding.add(component);
            }
        }
        answer.putObject("usage").put("prompt_tokens", inputs.size()).put("total_tokens", inputs.size());
        return answer;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: what the timeout tests want.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
