package io.ankirag.adapter.out.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake LLM provider on 127.0.0.1 and an ephemeral port, over real HTTP, for tests of this module and of others
 * (published in the test-jar). Each request takes the next step of a script ({@link #thenReply},
 * {@link #thenFail}, {@link #thenHang}…); with the script empty it answers with {@link #replyByDefault}. Whether an
 * answer is streamed (server-sent events) or whole follows the request's {@code "stream"}, as real providers do.
 * Every request is recorded with its headers, body and arrival time.
 *
 * <p>Subclasses speak a provider's protocol: {@link FakeOpenAiServer}, {@link FakeAnthropicServer},
 * {@link FakePerplexityServer}.
 */
public abstract class FakeLlmServer<S extends FakeLlmServer<S>> implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PIECE = Pattern.compile("\\S{1,8}\\s*|\\s+");

    /** A request as the fake received it. */
    public record Received(String method, String path, Map<String, String> headers, JsonNode body, long atNanos) {

        /** The first value of a header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String model() {
            return body.path("model").asText(null);
        }

        public boolean streamed() {
            return body.path("stream").asBoolean(false);
        }

        /** OpenAI's {@code response_format}; a missing node when absent. */
        public JsonNode responseFormat() {
            return body.path("response_format");
        }

        public JsonNode temperature() {
            return body.path("temperature");
        }

        public JsonNode maxTokens() {
            return body.path("max_tokens");
        }

        /** The messages in order, a top-level {@code system} (Anthropic) first, each content flattened to text. */
        public List<Message> messages() {
            List<Message> messages = new ArrayList<>();
            if (body.hasNonNull("system")) {
                messages.add(new Message("system", text(body.get("system"))));
            }
            for (JsonNode message : body.path("messages")) {
                messages.add(new Message(message.path("role").asText(), text(message.path("content"))));
            }
            return messages;
        }

        /** Whitespace-separated words in all messages: what the fakes report as prompt tokens. */
        public int promptWords() {
            return messages().stream().mapToInt(m -> words(m.content())).sum();
        }

        public String lastUserMessage() {
            List<Message> messages = messages();
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i).role().equals("user")) {
                    return messages.get(i).content();
                }
            }
            return "";
        }

        private static String text(JsonNode content) {
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                text.append(part.path("text").asText(""));
            }
            return text.toString();
        }
    }

    public record Message(String role, String content) {
    }

    /** What the server does with one request. */
    protected sealed interface Step {
    }

    /** Answers {@code text} after {@code delay}; {@code extra} fields join the answer's top level. */
    protected record Reply(String text, Duration delay, ObjectNode extra) implements Step {
    }

    protected record Fail(int status, String body, String retryAfter) implements Step {
    }

    protected record Hang() implements Step {
    }

    protected record Malformed() implements Step {
    }

    /**
     * Streams {@code pieces} pieces of {@code text} (half the body when not streaming), waits for {@code read} when
     * given, then drops the connection.
     */
    protected record Truncate(String text, int pieces, CountDownLatch read) implements Step {
    }

    /** Streams {@code pieces} pieces of {@code text}, then sends nothing more until the client gives up. */
    protected record Stall(String text, int pieces) implements Step {
    }

    /** One piece of a {@link #thenStream streamed answer}, sent after {@code before}. */
    public record Piece(Duration before, String text) {
    }

    /** What a streamed answer does after its last piece. */
    public enum Ending {
        /** Ends the answer properly. */
        FINISH,
        /** Drops the connection: the answer is cut short. */
        DROP,
        /** Sends nothing more until the client gives up. */
        STALL
    }

    /** Streams exactly these pieces (whole answers wait for them all), then ends as {@code ending} says. */
    protected record Pieces(List<Piece> pieces, Ending ending) implements Step {
    }

    private final HttpServer server;
    private final Queue<Step> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Step>> keyedScripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> abandoned = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Received, String> byDefault;
    private volatile Duration pieceDelay = Duration.ZERO;
    private volatile String answeredModel;

    protected FakeLlmServer(String pathSuffix, Function<Received, String> byDefault) {
        this.byDefault = byDefault;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a port for the fake LLM server", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // No try/finally: a DroppedConnection must leave the answer unfinished, and closing the exchange would
        // end it properly.
        server.createContext("/", exchange -> {
            route(exchange, pathSuffix);
            exchange.close();
        });
        server.start();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Where a client points its base URL: {@code http://127.0.0.1:<port>/v1} (no trailing slash). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public S thenReply(String text) {
        return then(new Reply(text, Duration.ZERO, null));
    }

    public S thenReplyAfter(Duration delay, String text) {
        return then(new Reply(text, delay, null));
    }

    /** Fails with {@code status} and the provider's error body saying {@code message}. */
    public S thenFail(int status, String message) {
        return then(new Fail(status, errorBody(status, message), null));
    }

    /** Fails with 429 and {@code Retry-After: seconds}. */
    public S thenRateLimit(String retryAfterSeconds) {
        return then(new Fail(429, errorBody(429, "Rate limit reached, slow down"), retryAfterSeconds));
    }

    /** Never answers: the client must time out. */
    public S thenHang() {
        return then(new Hang());
    }

    /** Answers 200 with a body (or a stream event) that is not valid JSON. */
    public S thenMalformedJson() {
        return then(new Malformed());
    }

    public S thenTruncate(String text, int piecesBeforeDrop) {
        return then(new Truncate(text, piecesBeforeDrop, null));
    }

    /**
     * Like {@link #thenTruncate}, but drops the connection only once the client counted {@code read} down (at most
     * 10 s). Without it a drop can overtake pieces already sent: the JDK HTTP client discards what it buffered once
     * the connection fails, and the client then rightly retries a stream that delivered nothing.
     */
    public S thenTruncateOnceRead(String text, int piecesBeforeDrop, CountDownLatch read) {
        return then(new Truncate(text, piecesBeforeDrop, read));
    }

    public S thenStall(String text, int piecesBeforeStall) {
        return then(new Stall(text, piecesBeforeStall));
    }

    /**
     * Streams these pieces, each after its pause, to the next request whose last user message contains {@code key}
     * (requests with different keys may then run side by side, each taking its own script in order).
     */
    public S thenStream(String key, List<Piece> pieces, Ending ending) {
        return then(key, new Pieces(List.copyOf(pieces), ending));
    }

    /** Fails the next request whose last user message contains {@code key} with {@code status}. */
    public S thenFail(String key, int status, String message) {
        return then(key, new Fail(status, errorBody(status, message), null));
    }

    /** The answer when the script is empty, from the request. */
    public S replyByDefault(Function<Received, String> answer) {
        this.byDefault = Objects.requireNonNull(answer);
        return self();
    }

    /** The pause before each streamed piece after the first (none by default). */
    public S pieceDelay(Duration delay) {
        this.pieceDelay = delay;
        return self();
    }

    /** The model name answers carry (the requested one by default), like a provider resolving an alias. */
    public S answerAsModel(String model) {
        this.answeredModel = model;
        return self();
    }

    protected S then(Step step) {
        script.add(step);
        return self();
    }

    protected S then(String key, Step step) {
        keyedScripts.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(step);
        return self();
    }

    private Step nextStep(Received request) {
        String user = request.lastUserMessage();
        for (Map.Entry<String, Queue<Step>> keyed : keyedScripts.entrySet()) {
            if (user.contains(keyed.getKey())) {
                Step step = keyed.getValue().poll();
                if (step != null) {
                    return step;
                }
            }
        }
        Step step = script.poll();
        return step != null ? step : byDefault(request);
    }

    /** What an unscripted request gets: {@link #replyByDefault}'s answer at once. */
    protected Step byDefault(Received request) {
        return new Reply(byDefault.apply(request), Duration.ZERO, null);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * The requests whose client closed the connection while their answer was still being streamed, as the fake
     * found out on writing its next piece: how tests see that a client stopped an upstream call.
     */
    public List<Received> abandoned() {
        return List.copyOf(abandoned);
    }

    /** {@link #abandoned()} once it has an entry, or as it is after {@code timeout}. */
    public List<Received> awaitAbandoned(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (abandoned) {
            while (abandoned.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    abandoned.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return abandoned();
    }

    /** Scripted steps not used yet. */
    public int pendingSteps() {
        return script.size();
    }

    /** How the fakes cut an answer into streamed pieces: words of at most 8 characters, with their spaces. */
    public static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECE.matcher(text);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }

    /** Whitespace-separated words: what the fakes report as tokens. */
    public static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private void route(HttpExchange exchange, String pathSuffix) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith(pathSuffix)) {
            respond(exchange, 404, "application/json", errorBody(404, "no route " + exchange.getRequestMethod() + " " + path), null);
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException notJson) {
            respond(exchange, 400, "application/json", errorBody(400, "the body is not JSON"), null);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        Received request = new Received(exchange.getRequestMethod(), path, Map.copyOf(headers), body, System.nanoTime());
        received.add(request);

        String refusal = refusal(request);
        if (refusal != null) {
            respond(exchange, 400, "application/json", errorBody(400, refusal), null);
            return;
        }
        Step step = nextStep(request);
        try {
            answer(exchange, request, step);
        } catch (IOException clientGone) {
            abandoned.add(request);
            synchronized (abandoned) {
                abandoned.notifyAll();
            }
            throw clientGone;
        }
    }

    private void answer(HttpExchange exchange, Received request, Step step) throws IOException {
        String model = answeredModel != null ? answeredModel : request.model() == null ? "fake-model" : request.model();
        String id = idPrefix() + ids.incrementAndGet();
        switch (step) {
            case Reply reply -> {
                sleep(reply.delay());
                if (request.streamed()) {
                    stream(exchange, request, id, model, reply.text(), reply.extra(), Integer.MAX_VALUE);
                } else {
                    respond(exchange, 200, "application/json", answer(request, id, model, reply.text(), reply.extra()).toString(), null);
                }
            }
            case Fail fail -> respond(exchange, fail.status(), "application/json", fail.body(), fail.retryAfter());
            case Hang ignored -> sleep(Duration.ofMinutes(10));
            case Malformed ignored -> {
                if (request.streamed()) {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    write(out, malformedEvent());
                    write(out, endOfMalformedStream());
                } else {
                    respond(exchange, 200, "application/json", "{\"id\": \"" + id + "\", \"choices\": [{\"message\": ", null);
                }
            }
            case Truncate truncate -> {
                if (request.streamed()) {
                    stream(exchange, request, id, model, truncate.text(), null, truncate.pieces());
                } else {
                    byte[] whole = answer(request, id, model, truncate.text(), null).toString().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, whole.length);
                    exchange.getResponseBody().write(whole, 0, whole.length / 2);
                    exchange.getResponseBody().flush();
                }
                if (truncate.read() != null) {
                    try {
                        truncate.read().await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw new DroppedConnection();
            }
            case Pieces pieces -> {
                String text = pieces.pieces().stream().map(Piece::text).reduce("", String::concat);
                if (!request.streamed()) {
                    pieces.pieces().forEach(piece -> sleep(piece.before()));
                    if (pieces.ending() == Ending.FINISH) {
                        respond(exchange, 200, "application/json", answer(request, id, model, text, null).toString(), null);
                        return;
                    }
                    if (pieces.ending() == Ending.STALL) {
                        sleep(Duration.ofMinutes(10));
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 1000);
                    throw new DroppedConnection();
                }
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                write(out, streamStart(request, id, model));
                for (Piece piece : pieces.pieces()) {
                    sleep(piece.before());
                    for (String part : pieces(piece.text())) {
                        write(out, streamPiece(id, model, part));
                    }
                }
                switch (pieces.ending()) {
                    case FINISH -> write(out, streamEnd(request, id, model, text, null));
                    case DROP -> throw new DroppedConnection();
                    case STALL -> sleep(Duration.ofMinutes(10));
                }
            }
            case Stall stall -> {
                stream(exchange, request, id, model, stall.text(), null, stall.pieces());
                sleep(Duration.ofMinutes(10));
            }
        }
    }

    /** Thrown by a handler: com.sun.net.httpserver then closes the connection without ending the answer. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("the fake LLM server drops the connection on purpose", null, false, false);
        }
    }

    private void stream(HttpExchange exchange, Received request, String id, String model, String text, ObjectNode extra,
                        int piecesBeforeStop) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> pieces = pieces(text);
        write(out, streamStart(request, id, model));
        for (int i = 0; i < pieces.size(); i++) {
            if (i >= piecesBeforeStop) {
                return;
            }
            if (i > 0) {
                sleep(pieceDelay);
            }
            write(out, streamPiece(id, model, pieces.get(i)));
        }
        if (piecesBeforeStop < Integer.MAX_VALUE) {
            return;
        }
        write(out, streamEnd(request, id, model, text, extra));
    }

    private static void write(OutputStream out, String events) throws IOException {
        if (!events.isEmpty()) {
            out.write(events.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    protected static String event(String name, JsonNode data) {
        return (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
    }

    private void respond(HttpExchange exchange, int status, String contentType, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: what the timeout tests want.
        }
    }

    private void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    protected String idPrefix() {
        return "fake-";
    }

    /** A request the provider would refuse with 400, or {@code null}. */
    protected String refusal(Received request) {
        return null;
    }

    protected abstract String errorBody(int status, String message);

    protected abstract ObjectNode answer(Received request, String id, String model, String text, ObjectNode extra);

    protected abstract String streamStart(Received request, String id, String model);

    protected abstract String streamPiece(String id, String model, String piece);

    protected abstract String streamEnd(Received request, String id, String model, String text, ObjectNode extra);

    protected abstract String malformedEvent();

    protected String endOfMalformedStream() {
        return "";
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
