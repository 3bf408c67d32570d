package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.testing.Answers.basic;
import static io.ankirag.bootstrap.testing.Answers.cards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import io.ankirag.bootstrap.testing.ScriptedFactChecker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web UI's end-to-end suite ({@code web-ui/e2e}, Node's test runner with playwright-core driving Debian's
 * Chromium) against this whole application on its random port, with the real PostgreSQL and Redis. A missing
 * Node.js, Chromium or fixture fails the build: the suite is never skipped.
 */
@IntegrationTest
class WebUiEndToEndIT extends HttpApiTestBase {

    private static final long TIME_LIMIT_SECONDS = 300;

    @Autowired
    ScriptedChatModel model;
    @Autowired
    ScriptedFactChecker factChecker;

    @Test
    void theBrowserAppWorksEndToEnd() throws Exception {
        Path webUi = Path.of(System.getProperty("webui.dir", "../web-ui")).toAbsolutePath().normalize();
        Path screenshots = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots")).toAbsolutePath();
        assertThat(webUi.resolve("node_modules/playwright-core")).as("web-ui's npm ci has run").isDirectory();

        ProcessBuilder suite = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                "e2e/")
                .directory(webUi.toFile())
                .redirectErrorStream(true);
        suite.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        suite.environment().put("SCREENSHOTS", screenshots.toString());
        suite.environment().put("NO_COLOR", "1");
        Files.createDirectories(screenshots);

        // The generation screen's topic: the fake model writes three cards, slowly enough to watch them arrive,
        // and the fake fact-checker disputes one of them with a source.
        String topic = "Photosynthesis " + UUID.randomUUID();
        model.script(topic, cards(Duration.ofMillis(700),
                basic("What pigment makes leaves green?", "Chlorophyll"),
                basic("Where in the cell does photosynthesis happen?", "In the chloroplasts"),
                basic("What gas do plants release in photosynthesis?", "Carbon dioxide")));
        factChecker.script("gas do plants release", new ScriptedFactChecker.Verdict(FactCheckPort.Verdict.DISPUTED,
                "Photosynthesis releases oxygen and takes in carbon dioxide.", "Oxygen",
                List.of(new FactCheckPort.Source("https://en.wikipedia.org/wiki/Photosynthesis", "Photosynthesis – Wikipedia")), null));
        suite.environment().put("GENERATION_TOPIC", topic);

        Process process = suite.start();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("[e2e] " + line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 80) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the end-to-end suite ran past " + TIME_LIMIT_SECONDS + " s");
        }
        reader.join(5_000);
        synchronized (tail) {
            assertThat(process.exitValue())
                    .as("the end-to-end suite failed (screenshots in %s):%n%s", screenshots, String.join("\n", tail))
                    .isZero();
        }
    }
}
