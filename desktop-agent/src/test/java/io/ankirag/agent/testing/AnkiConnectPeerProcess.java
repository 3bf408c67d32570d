package io.ankirag.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sync tests' AnkiConnect-compatible server on the real Anki collection library
 * ({@code bootstrap/src/test/python/ankiconnect_peer.py}), with a fresh collection, as the agent's local Anki. Its
 * Python environment is the one bootstrap's integration tests set up ({@code bootstrap/target/anki-peer/venv}), or
 * one made here from the same pinned {@code requirements.txt}; a failure to set it up fails the test with pip's
 * output.
 */
public final class AnkiConnectPeerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private AnkiConnectPeerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A peer on a free port with the collection {@code collection.anki2} in the folder (new, or kept from before). */
    public static AnkiConnectPeerProcess start(Path workFolder, String key) throws IOException, InterruptedException {
        return start(workFolder, key, 0);
    }

    /** Anki opened again: the same collection on the same port. */
    public AnkiConnectPeerProcess reopen(Path workFolder, String key) throws IOException, InterruptedException {
        return start(workFolder, key, port);
    }

    private static AnkiConnectPeerProcess start(Path workFolder, String key, int port)
            throws IOException, InterruptedException {
        Path sources = Path.of(System.getProperty("anki.peer.dir", "../bootstrap/src/test/python")).toAbsolutePath();
        Path python = python(sources);
        Path portFile = workFolder.resolve("anki-port");
        Path log = workFolder.resolve("anki-peer.log");
        List<String> command = new java.util.ArrayList<>(List.of(python.toString(),
                sources.resolve("ankiconnect_peer.py").toString(),
                workFolder.resolve("collection.anki2").toString(), portFile.toString()));
        if (key != null) {
            command.addAll(List.of("--key", key));
        }
        if (port != 0) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        Files.deleteIfExists(portFile);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.isRegularFile(portFile) || Files.readString(portFile).isBlank()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The AnkiConnect peer did not start:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return new AnkiConnectPeerProcess(process, Integer.parseInt(Files.readString(portFile).strip()));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** One AnkiConnect action, as the user's own tools would send it; the result, or an exception with the error. */
    public JsonNode call(String action, Object params, String key) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("action", action).put("version", 6);
        if (params != null) {
            request.set("params", JSON.valueToTree(params));
        }
        if (key != null) {
            request.put("key", key);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url())
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("error").isNull()) {
            throw new IllegalStateException("the peer refused " + action + ": " + answer.path("error").asText());
        }
        return answer.path("result");
    }

    private static synchronized Path python(Path sources) throws IOException, InterruptedException {
        Path shared = Path.of("../bootstrap/target/anki-peer/venv/bin/python").toAbsolutePath().normalize();
        if (Files.isExecutable(shared) && importsAnki(shared)) {
            return shared;
        }
        Path own = Path.of("target/anki-peer/venv").toAbsolutePath();
        Path python = own.resolve("bin/python");
        if (!Files.isExecutable(python) || !importsAnki(python)) {
            run(List.of("python3", "-m", "venv", own.toString()), Duration.ofMinutes(2));
            run(List.of(python.toString(), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r",
                    sources.resolve("requirements.txt").toString()), Duration.ofMinutes(8));
        }
        return python;
    }

    private static boolean importsAnki(Path python) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(python.toString(), "-c", "import anki.collection")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("Setting up the Anki peer's Python failed: " + command + "\n"
                    + new String(output, java.nio.charset.StandardCharsets.UTF_8)
                    + "\n(scripts/infra.sh up --for-tests installs python3 with venv)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
