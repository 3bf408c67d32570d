package io.ankirag.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.agent.config.AgentConfig.TokenStoreChoice;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private AgentConfig load(String... args) {
        return new AgentConfigLoader(env, Map.of("os.name", "Linux", "user.home", home.toString())).load(args);
    }

    private Path configDir() {
        return home.resolve(".config/ankirag-agent");
    }

    private void writeConfigFile(String content) throws IOException {
        Files.createDirectories(configDir());
        Files.writeString(configDir().resolve("agent.properties"), content);
    }

    @Test
    void defaultsToLocalAnkiConnectEveryThirtySecondsWithTheWindow() {
        AgentConfig config = load();

        assertThat(config.serverUrl()).isNull();
        assertThat(config.ankiConnectUrl()).isEqualTo(URI.create("http://127.0.0.1:8765"));
        assertThat(config.ankiConnectKey()).isNull();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.gui()).isTrue();
        assertThat(config.tokenStore()).isEqualTo(TokenStoreChoice.AUTO);
        assertThat(config.configDir()).isEqualTo(configDir());
    }

    @Test
    void argumentsBeatEnvironmentWhichBeatsTheConfigFile() throws IOException {
        writeConfigFile("""
                server.url=https://file.example
                ankiconnect.url=http://127.0.0.1:1111
                ankiconnect.key=from-file
                poll.interval=5m
                """);
        env.put("ANKIRAG_SERVER_URL", "https://env.example");
        env.put("ANKICONNECT_KEY", "from-env");

        AgentConfig config = load("--server-url=https://arg.example/", "--no-gui");

        assertThat(config.serverUrl()).isEqualTo(URI.create("https://arg.example"));
        assertThat(config.ankiConnectKey()).isEqualTo("from-env");
        assertThat(config.ankiConnectUrl()).isEqualTo(URI.create("http://127.0.0.1:1111"));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.gui()).isFalse();
    }

    @Test
    void readsPollIntervalsInSeveralSpellings() {
        assertThat(load("--poll-interval=45").pollInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(load("--poll-interval=500ms").pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(load("--poll-interval=2m").pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(load("--poll-interval=1h").pollInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(load("--poll-interval=PT1M30S").pollInterval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void namesTheSettingAndItsSourceWhenAValueIsWrong() {
        env.put("ANKIRAG_POLL_INTERVAL", "soon");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable ANKIRAG_POLL_INTERVAL").hasMessageContaining("'soon'");
        env.clear();

        assertThatThrownBy(() -> load("--server-url=ftp://example.org")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("argument --server-url").hasMessageContaining("http(s)");
        assertThatThrownBy(() -> load("--poll-interval=0s")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("between 100ms and 24h");
        assertThatThrownBy(() -> load("--token-store=vault")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto, keyring or file");
    }

    @Test
    void namesAWrongValueInTheConfigFileByItsProperty() throws IOException {
        writeConfigFile("ankiconnect.url=not a url\n");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("agent.properties property ankiconnect.url");
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> load("--serverurl=https://x.example")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown argument '--serverurl=https://x.example'");
        assertThatThrownBy(() -> load("--gui")).isInstanceOf(ConfigException.class);
    }

    @Test
    void takesTheConfigFolderFromArgumentEnvironmentOrTheDesktopsConvention() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("agent.properties"), "server.url=https://elsewhere.example\n");

        assertThat(load("--config-dir=" + elsewhere).serverUrl()).isEqualTo(URI.create("https://elsewhere.example"));
        env.put("ANKIRAG_AGENT_CONFIG_DIR", elsewhere.toString());
        assertThat(load().configDir()).isEqualTo(elsewhere);
        env.clear();
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertThat(load().configDir()).isEqualTo(home.resolve("xdg/ankirag-agent"));
        env.put("APPDATA", "C:\\Users\\me\\AppData\\Roaming");
        assertThat(new AgentConfigLoader(env, Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\me"))
                .load().configDir().toString()).endsWith("AnkiRAG Agent");
    }

    @Test
    void remembersTheServerAndAccountOfALoginButNeverThePassword() throws IOException {
        writeConfigFile("poll.interval=10s\n");

        AgentConfigLoader.rememberLogin(configDir(), URI.create("https://anki.example"), "me@example.com");

        AgentConfig config = load();
        assertThat(config.serverUrl()).isEqualTo(URI.create("https://anki.example"));
        assertThat(config.email()).isEqualTo("me@example.com");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Files.readString(configDir().resolve("agent.properties"))).doesNotContainIgnoringCase("password");
    }
}
