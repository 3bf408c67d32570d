package io.ankirag.agent;

import static io.ankirag.agent.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.agent.testing.AgentProcess;
import io.ankirag.agent.testing.AnkiConnectPeerProcess;
import io.ankirag.agent.testing.AnkiRagServerProcess;
import io.ankirag.agent.testing.Api;
import io.ankirag.agent.testing.VirtualDisplay;
import io.ankirag.agent.ui.KeyboardInput;
import io.ankirag.agent.ui.ScreenCapture;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import io.ankirag.domain.template.TemplateId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent end to end, as a learner runs it: its shaded jar, with {@code --no-gui} or its window on Xvfb, against the AnkiRAG server's jar
 * (real PostgreSQL and Redis) and the sync tests' AnkiConnect peer on the real Anki collection library. Pushes queued
 * with {@code via_agent} land in that collection through the agent, and the cards record it; pulls queued with it
 * bring that collection's notes back as cards.
 */
class DesktopAgentIT {

    private static final String PASSWORD = "agent-e2e-password-1";
    private static final String ANKI_KEY = "agent-e2e-key";
    private static final String BASIC = TemplateId.ofSystem("Basic").toString();

    @TempDir
    static Path work;

    private static AnkiRagServerProcess server;
    private static AnkiConnectPeerProcess anki;

    @BeforeAll
    static void startServerAndAnki() throws IOException, InterruptedException {
        anki = AnkiConnectPeerProcess.start(work, ANKI_KEY);
        // Access tokens last a minute, so that the agent refreshes (and notices a revoked login) within the test.
        server = AnkiRagServerProcess.start(work, Map.of("JWT_ACCESS_TOKEN_EXPIRE_MINUTES", "1"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (anki != null) {
            anki.close();
        }
    }

    @Test
    void syncsPushesQueuedForTheAgentIntoTheLocalAnkiAndReportsEachCard() throws Exception {
        Api api = new Api(server.url());
        String email = "agent-" + UUID.randomUUID() + "@e2e.ankirag";
        Api.Response registered = api.post("/api/auth/register", body("email", email, "password", PASSWORD,
                "display_name", "Agent E2E"));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        api.useToken(registered.text("access_token"));
        String root = "Agent E2E " + UUID.randomUUID().toString().substring(0, 8);
        String rootId = api.post("/api/decks", body("name", root)).text("id");
        String deckId = api.post("/api/decks", body("name", "Cells", "parent_id", rootId)).text("id");
        String mitochondria = approvedCard(api, deckId, "Mitochondria " + email, "the cell's power plant");
        String ribosome = approvedCard(api, deckId, "Ribosome " + email, "makes proteins");
        String duplicate = approvedCard(api, deckId, "Mitochondria " + email, "the same front again");
        String firstPush = pushViaAgent(api, mitochondria, ribosome, duplicate);
        Path config = work.resolve("agent-config");
        Path log = work.resolve("agent-1.log");

        try (AgentProcess agent = AgentProcess.start(log, Map.of("ANKIRAG_PASSWORD", PASSWORD), "--no-gui",
                "--server-url=" + server.url(), "--email=" + email, "--anki-connect-url=" + anki.url(),
                "--anki-connect-key=" + ANKI_KEY, "--poll-interval=1s", "--token-store=file", "--config-dir=" + config)) {

            JsonNode task = awaitTask(api, firstPush, "completed");
            assertThat(task.path("done_count").asInt()).isEqualTo(3);
            agent.awaitLine(line -> line.contains("sync push " + firstPush + ": 2 synced, 1 failed"), Duration.ofSeconds(30));
            assertThat(agent.output()).contains("logged in to " + server.url() + " as " + email)
                    .contains("server CONNECTED: logged in").contains("anki CONNECTED: AnkiConnect version 6")
                    .containsPattern("sync failure: \"Mitochondria [^\"]*\" \\(card [0-9a-f]{8}\\): .*duplicate");
        }

        List<JsonNode> notes = notesIn(root + "::Cells");
        assertThat(notes).extracting(note -> note.path("fields").path("Front").path("value").asText())
                .containsExactlyInAnyOrder("Mitochondria " + email, "Ribosome " + email);
        JsonNode synced = api.get("/api/cards/" + ribosome).body();
        assertThat(synced.path("status").asText()).isEqualTo("synced");
        assertThat(notes).extracting(note -> note.path("noteId").asLong()).contains(synced.path("anki_note_id").asLong());
        JsonNode refused = api.get("/api/cards/" + duplicate).body();
        assertThat(refused.path("status").asText()).isEqualTo("sync_failed");
        assertThat(refused.path("sync_error").asText()).contains("duplicate");

        // Only the refresh token is kept, encrypted; the password nowhere.
        List<Path> kept;
        try (Stream<Path> files = Files.list(config)) {
            kept = files.toList();
        }
        assertThat(kept).extracting(p -> p.getFileName().toString())
                .anyMatch(name -> name.matches("refresh-token-[0-9a-f]{16}\\.enc")).contains("machine.secret", "agent.properties");
        for (Path file : kept) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(PASSWORD);
        }

        // A second start needs no password: the stored login is enough. Anki closed holds pushes back; reopened, they go.
        anki.close();
        String secondPush = pushViaAgent(api, approvedCard(api, deckId, "Golgi " + email, "packs proteins"));
        Path secondLog = work.resolve("agent-2.log");
        try (AgentProcess agent = AgentProcess.start(secondLog, Map.of(), "--no-gui", "--config-dir=" + config,
                "--anki-connect-url=" + anki.url(), "--anki-connect-key=" + ANKI_KEY, "--poll-interval=1s",
                "--token-store=file")) {
            agent.awaitLine(line -> line.contains("anki UNREACHABLE"), Duration.ofSeconds(30));
            agent.awaitLine(line -> line.contains("server CONNECTED"), Duration.ofSeconds(30));
            assertThat(api.get("/api/sync/tasks/" + secondPush).body().path("status").asText()).isEqualTo("queued");

            anki = anki.reopen(work, ANKI_KEY);
            awaitTask(api, secondPush, "completed");
            agent.awaitLine(line -> line.contains("sync push " + secondPush + ": 1 synced, 0 failed"), Duration.ofSeconds(30));
            assertThat(agent.output()).doesNotContain("logged in to");

            // A new password ends every session: at its next refresh the agent stops and says how to log in again.
            assertThat(api.patch("/api/users/me", body("current_password", PASSWORD, "new_password", PASSWORD + "-new"))
                    .status()).isEqualTo(200);
            assertThat(agent.awaitExit(Duration.ofSeconds(90))).isEqualTo(DesktopAgent.EXIT_LOGIN_REQUIRED);
            assertThat(agent.output()).contains("server LOGIN_REQUIRED").contains("ANKIRAG_PASSWORD");
        }
        assertThat(notesIn(root + "::Cells")).hasSize(3);
    }

    @Test
    void theWindowShowsBothSidesAndTheLastSyncOfARealPush() throws Exception {
        Api api = new Api(server.url());
        String email = "agent-window-" + UUID.randomUUID() + "@e2e.ankirag";
        api.useToken(api.post("/api/auth/register", body("email", email, "password", PASSWORD)).text("access_token"));
        String deckId = api.post("/api/decks", body("name", "Agent window " + UUID.randomUUID().toString().substring(0, 8)))
                .text("id");
        Path config = work.resolve("window-config");
        List<String> common = List.of("--config-dir=" + config, "--anki-connect-url=" + anki.url(),
                "--anki-connect-key=" + ANKI_KEY, "--poll-interval=1s", "--token-store=file");
        try (AgentProcess login = AgentProcess.start(work.resolve("window-login.log"), Map.of("ANKIRAG_PASSWORD", PASSWORD),
                Stream.concat(Stream.of("--no-gui", "--server-url=" + server.url(), "--email=" + email), common.stream())
                        .toArray(String[]::new))) {
            login.awaitLine(line -> line.contains("server CONNECTED"), Duration.ofSeconds(30));
        }
        String push = pushViaAgent(api, approvedCard(api, deckId, "Window " + email, "shown"),
                approvedCard(api, deckId, "Window " + email, "a duplicate, shown as a failure"));
        Path screenshot = screenshots().resolve("agent-window-after-push.png");
        Files.deleteIfExists(screenshot);

        try (VirtualDisplay display = VirtualDisplay.start();
             AgentProcess agent = AgentProcess.start(work.resolve("window.log"), Map.of("DISPLAY", display.display()),
                     common.toArray(String[]::new))) {
            awaitTask(api, push, "completed");
            agent.awaitLine(line -> line.contains("sync push " + push + ": 1 synced, 1 failed"), Duration.ofSeconds(30));
            Thread.sleep(1500);
            runOnDisplay(display, ScreenCapture.class, screenshot.toString());
            assertThat(agent.isAlive()).as(agent.output()).isTrue();
        }

        BufferedImage image = ImageIO.read(screenshot.toFile());
        int green = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                green += rgb == 0x2EA043 ? 1 : 0;
                red += rgb == 0xCF222E ? 1 : 0;
            }
        }
        assertThat(green).as("both sides' green dots in " + screenshot).isGreaterThan(40);
        assertThat(red).as("no red dot: the login and Anki are fine").isZero();
        System.out.println("[agent-window] screenshot " + screenshot);
    }

    @Test
    void theWindowAsksForTheLoginOnceAndKeepsOnlyTheRefreshToken() throws Exception {
        Api api = new Api(server.url());
        String email = "agent-login-" + UUID.randomUUID() + "@e2e.ankirag";
        assertThat(api.post("/api/auth/register", body("email", email, "password", PASSWORD)).status()).isEqualTo(201);
        Path config = work.resolve("login-config");
        Path screenshot = screenshots().resolve("agent-login-dialog.png");

        try (VirtualDisplay display = VirtualDisplay.start();
             AgentProcess agent = AgentProcess.start(work.resolve("login.log"), Map.of("DISPLAY", display.display()),
                     "--server-url=" + server.url(), "--email=" + email, "--config-dir=" + config,
                     "--anki-connect-url=" + anki.url(), "--anki-connect-key=" + ANKI_KEY, "--poll-interval=1s",
                     "--token-store=file")) {
            Thread.sleep(3000);
            runOnDisplay(display, ScreenCapture.class, screenshot.toString());
            runOnDisplay(display, KeyboardInput.class, PASSWORD);

            agent.awaitLine(line -> line.contains("logged in to " + server.url() + " as " + email), Duration.ofSeconds(30));
            agent.awaitLine(line -> line.contains("server CONNECTED"), Duration.ofSeconds(30));
        }
        assertThat(Files.readString(config.resolve("agent.properties"))).contains("server.url").contains(email)
                .doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("refresh-token-"));
        }
        assertThat(ImageIO.read(screenshot.toFile()).getWidth()).isEqualTo(1024);
    }

    @Test
    void pullsQueuedForTheAgentTurnNotesAddedInTheLocalAnkiIntoCards() throws Exception {
        Api api = new Api(server.url());
        String email = "agent-pull-" + UUID.randomUUID() + "@e2e.ankirag";
        api.useToken(api.post("/api/auth/register", body("email", email, "password", PASSWORD)).text("access_token"));
        String ankiDeck = "Agent pull " + UUID.randomUUID().toString().substring(0, 8) + "::Added in Anki";
        anki.call("createDeck", Map.of("deck", ankiDeck), ANKI_KEY);
        long note = anki.call("addNote", Map.of("note", Map.of("deckName", ankiDeck, "modelName", "Basic",
                "fields", Map.of("Front", "Endoplasmic reticulum " + email, "Back", "folds proteins"),
                "tags", List.of("from-anki"))), ANKI_KEY).asLong();
        Api.Response accepted = api.post("/api/sync/pull", body("deck", ankiDeck, "via_agent", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String pull = accepted.text("task_id");

        try (AgentProcess agent = AgentProcess.start(work.resolve("pull.log"), Map.of("ANKIRAG_PASSWORD", PASSWORD),
                "--no-gui", "--server-url=" + server.url(), "--email=" + email, "--anki-connect-url=" + anki.url(),
                "--anki-connect-key=" + ANKI_KEY, "--poll-interval=1s", "--token-store=file",
                "--config-dir=" + work.resolve("pull-config"))) {
            JsonNode task = awaitTask(api, pull, "completed");
            agent.awaitLine(line -> line.contains("sync pull " + pull + ": 1 pulled, 0 failed"), Duration.ofSeconds(30));

            JsonNode result = task.path("results").get(0);
            assertThat(result.path("outcome").asText()).isEqualTo("created");
            assertThat(result.path("anki_note_id").asLong()).isEqualTo(note);
            JsonNode card = api.get("/api/cards/" + result.path("card_id").asText()).body();
            assertThat(card.path("status").asText()).isEqualTo("synced");
            assertThat(card.path("fields").path("Front").asText()).isEqualTo("Endoplasmic reticulum " + email);
            assertThat(card.path("tags").toString()).contains("from-anki");
        }
    }

    private static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("agent.screenshots", "target/agent-screenshots"))
                .toAbsolutePath());
    }

    /** Runs a test program in a JVM of its own on the virtual display. */
    private static void runOnDisplay(VirtualDisplay display, Class<?> program, String argument)
            throws IOException, InterruptedException {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), program.getName(), argument).redirectErrorStream(true);
        java.environment().put("DISPLAY", display.display());
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(program.getSimpleName() + ": " + output).isZero();
    }

    private static String approvedCard(Api api, String deckId, String front, String back) {
        Api.Response created = api.post("/api/cards", body("deck_id", deckId, "template_id", BASIC,
                "fields", Map.of("Front", front, "Back", back), "tags", List.of("agent-e2e")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.post("/api/cards/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private static String pushViaAgent(Api api, String... cards) {
        Api.Response accepted = api.post("/api/sync/push", body("card_ids", List.of(cards), "via_agent", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.text("task_id");
    }

    private static JsonNode awaitTask(Api api, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode task = null;
        while (System.nanoTime() < deadline) {
            task = api.get("/api/sync/tasks/" + id).body();
            if (status.equals(task.path("status").asText())) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Task " + id + " is not " + status + " after 90 s: " + task);
    }

    private static List<JsonNode> notesIn(String deck) throws IOException, InterruptedException {
        JsonNode ids = anki.call("findNotes", Map.of("query", "deck:\"" + deck + "\""), ANKI_KEY);
        List<Long> noteIds = new ArrayList<>();
        ids.forEach(id -> noteIds.add(id.asLong()));
        List<JsonNode> notes = new ArrayList<>();
        anki.call("notesInfo", Map.of("notes", noteIds), ANKI_KEY).forEach(notes::add);
        return notes;
    }
}
