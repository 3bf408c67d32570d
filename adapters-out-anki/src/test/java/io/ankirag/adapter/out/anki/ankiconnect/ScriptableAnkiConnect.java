package io.ankirag.adapter.out.anki.ankiconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake AnkiConnect over real HTTP for the faults the real-collection peer cannot show: each action answers what
 * the test scripted (a result, an error, a raw body, or a stall), and every request is kept for inspection.
 * {@code multi} dispatches its inner actions to the same script, as AnkiConnect does.
 */
final class ScriptableAnkiConnect implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final Map<String, Function<JsonNode, JsonNode>> actions = new ConcurrentHashMap<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    volatile long stallMillis;
    volatile String rawBody;

    ScriptableAnkiConnect() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        on("version", params -> NODES.numberNode(6));
        on("requestPermission", params -> NODES.objectNode().put("permission", "granted").put("requireApiKey", false)
                .put("version", 6));
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            if (stallMillis > 0) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = rawBody != null ? rawBody.getBytes() : JSON.writeValueAsBytes(answer(request));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts an action: the function answers its result from its params, or throws {@link Refusal} for an error. */
    ScriptableAnkiConnect on(String action, Function<JsonNode, JsonNode> result) {
        actions.put(action, result);
        return this;
    }

    private ObjectNode answer(JsonNode request) {
        String action = request.path("action").asText();
        ObjectNode answer = NODES.objectNode();
        try {
            JsonNode result;
            if (action.equals("multi")) {
                ArrayNode inner = NODES.arrayNode();
                request.path("params").path("actions").forEach(each -> inner.add(answer(each)));
                result = inner;
            } else {
                Function<JsonNode, JsonNode> scripted = actions.get(action);
                if (scripted == null) {
                    throw new Refusal("unsupported action");
                }
                result = scripted.apply(request.path("params"));
            }
            answer.set("result", result);
            answer.putNull("error");
        } catch (Refusal refusal) {
            answer.putNull("result");
            answer.put("error", refusal.getMessage());
        }
        return answer;
    }

    List<JsonNode> requestsFor(String action) {
        return requests.stream().filter(r -> r.path("action").asText().equals(action)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }
}
