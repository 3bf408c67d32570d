package io.ankirag.agent.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AnkiRAG server as users run it: its jar ({@code bootstrap/target/ankirag.jar}, built earlier in the same
 * reactor) in a JVM of its own on a free port, against the real PostgreSQL and Redis of {@code scripts/infra.sh}, in
 * the test database ({@code DB_TEST_NAME}, default {@code ankirag_test}). A missing jar or a server that does not
 * become healthy fails the test with its log.
 */
public final class AnkiRagServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private AnkiRagServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param extraEnvironment settings for this test (the sync's retry delays and so on) */
    public static AnkiRagServerProcess start(Path workFolder, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("server.jar", "../bootstrap/target/ankirag.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The server's jar " + jar + " is missing: build it first"
                    + " (mvn -pl bootstrap -am package, or verify the whole reactor)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = workFolder.resolve("server.log");
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("DB_NAME", System.getenv().getOrDefault("DB_TEST_NAME", "ankirag_test"));
        env.put("JWT_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        env.put("MEDIA_ROOT", workFolder.resolve("media").toString());
        env.put("EMBEDDING_WORKERS", "1");
        env.put("GENERATION_WORKER_ENABLED", "false");
        env.put("LOG_LEVEL", "INFO");
        env.putAll(extraEnvironment);
        Process process = builder.start();
        AnkiRagServerProcess server = new AnkiRagServerProcess(process, port, log);
        server.awaitHealthy();
        return server;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting:\n" + tail());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(url().resolve("/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The server was not healthy within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        String text = log();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
