package io.ankirag.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.agent.config.AgentConfig;
import io.ankirag.agent.config.AgentConfigLoader;
import io.ankirag.agent.server.FakeAnkiRagServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code --no-gui} starts, or refuses to, before any work is polled. */
class HeadlessStartTest {

    @TempDir
    Path configDir;

    private FakeAnkiRagServer server;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = new FakeAnkiRagServer("me@example.com", "secret-password");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> environment, String... args) {
        AgentConfig config = new AgentConfigLoader(Map.of(), Map.of("os.name", "Linux", "user.home", configDir.toString()))
                .load(java.util.stream.Stream.concat(java.util.stream.Stream.of("--no-gui", "--token-store=file",
                        "--config-dir=" + configDir), java.util.stream.Stream.of(args)).toArray(String[]::new));
        return new DesktopAgent(config, new PrintStream(output, true, StandardCharsets.UTF_8)).runHeadless(environment, null);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAServerItSaysWhereToNameOne() {
        assertThat(run(Map.of())).isEqualTo(DesktopAgent.EXIT_CONFIG);
        assertThat(printed()).contains("--server-url").contains("ANKIRAG_SERVER_URL");
    }

    @Test
    void withoutAStoredLoginOrAPasswordItSaysHowToLogIn() {
        assertThat(run(Map.of(), "--server-url=" + server.url(), "--email=me@example.com"))
                .isEqualTo(DesktopAgent.EXIT_LOGIN_REQUIRED);
        assertThat(printed()).contains("not logged in to " + server.url()).contains("ANKIRAG_PASSWORD");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aWrongPasswordEndsWithTheServersReasonAndStoresNothing() throws IOException {
        assertThat(run(Map.of("ANKIRAG_PASSWORD", "wrong"), "--server-url=" + server.url(), "--email=me@example.com"))
                .isEqualTo(DesktopAgent.EXIT_LOGIN_REQUIRED);
        assertThat(printed()).contains("AUTH_001");
        try (var files = Files.list(configDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("refresh-token"));
        }
    }
}
