package io.ankirag.bootstrap.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An AnkiConnect-compatible server on the real Anki collection library ({@code src/test/python/ankiconnect_peer.py}),
 * over real HTTP on 127.0.0.1, with a fresh collection file of its own (issue 8). It can be stopped (Anki closed:
 * connections are refused) and started again on the same port; {@link #contents()} closes the collection, reads it
 * with Anki itself ({@code anki_peer.py contents}) and serves it again.
 */
final class AnkiConnectPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path folder;
    private final Path collection;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;
    private Process process;

    private AnkiConnectPeer(Path folder) {
        this.folder = folder;
        this.collection = folder.resolve("collection.anki2");
    }

    /** A running peer with an empty collection in a new temporary folder. */
    static AnkiConnectPeer start() {
        try {
            AnkiConnectPeer peer = new AnkiConnectPeer(Files.createTempDirectory("ankiconnect-peer-"));
            peer.startServer();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path collection() {
        return collection;
    }

    Path mediaFolder() {
        return folder.resolve("collection.media");
    }

    synchronized void startServer() {
        Path portFile = folder.resolve("port");
        try {
            Files.deleteIfExists(portFile);
            List<String> command = new ArrayList<>(List.of(AnkiPeer.python().toString(),
                    Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                            .resolve("src/test/python/ankiconnect_peer.py").toString(),
                    collection.toString(), portFile.toString()));
            if (port != 0) {
                command.addAll(List.of("--port", Integer.toString(port)));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("peer.log").toFile());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.isRegularFile(portFile)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the AnkiConnect peer did not start:\n"
                            + Files.readString(folder.resolve("peer.log")));
                }
                Thread.sleep(50);
            }
            port = Integer.parseInt(Files.readString(portFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Closes the collection and stops serving: AnkiConnect as it is while Anki is closed. */
    synchronized void stopServer() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** What Anki itself reads from the collection file: notes (fields, tags, cards' decks), decks, note types, media. */
    synchronized JsonNode contents() {
        boolean running = process != null;
        stopServer();
        try {
            return AnkiPeer.runScript("anki_peer.py", "contents", collection.toString());
        } finally {
            if (running) {
                startServer();
            }
        }
    }

    /** One AnkiConnect action, as a user's other tools (or the user, editing in Anki) would send it. */
    JsonNode call(String action, Object params) {
        ObjectNode request = JSON.createObjectNode().put("action", action).put("version", 6);
        if (params != null) {
            request.set("params", JSON.valueToTree(params));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (!answer.path("error").isNull()) {
                throw new IllegalStateException("the peer refused " + action + ": " + answer.path("error").asText());
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopServer();
    }
}
