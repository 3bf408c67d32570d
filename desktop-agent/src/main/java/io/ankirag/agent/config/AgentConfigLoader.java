package io.ankirag.agent.config;

import io.ankirag.agent.config.AgentConfig.TokenStoreChoice;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link AgentConfig} from arguments, environment and {@code agent.properties}, strongest first:
 *
 * <pre>
 * argument                 environment               agent.properties      default
 * --server-url=URL         ANKIRAG_SERVER_URL        server.url            (none: asked for)
 * --anki-connect-url=URL   ANKICONNECT_URL           ankiconnect.url       http://127.0.0.1:8765
 * --anki-connect-key=KEY   ANKICONNECT_KEY           ankiconnect.key       (none)
 * --poll-interval=30s      ANKIRAG_POLL_INTERVAL     poll.interval         30s  (also 2m, 1h, PT45S or plain seconds)
 * --token-store=auto       ANKIRAG_TOKEN_STORE       token.store           auto (keyring, else file) | keyring | file
 * --email=ADDRESS          ANKIRAG_EMAIL             email                 (none)
 * --config-dir=DIR         ANKIRAG_AGENT_CONFIG_DIR  -                     the OS's per-user config folder
 * --no-gui                 -                         -                     the window (and tray icon)
 * </pre>
 *
 * The password is never read from here: the window asks for it, and {@code --no-gui} takes it from
 * {@code ANKIRAG_PASSWORD} or the console, once.
 */
public final class AgentConfigLoader {

    public static final String CONFIG_FILE = "agent.properties";
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private record Setting(String argument, String environment, String property) {
    }

    private static final Setting SERVER_URL = new Setting("--server-url", "ANKIRAG_SERVER_URL", "server.url");
    private static final Setting ANKI_URL = new Setting("--anki-connect-url", "ANKICONNECT_URL", "ankiconnect.url");
    private static final Setting ANKI_KEY = new Setting("--anki-connect-key", "ANKICONNECT_KEY", "ankiconnect.key");
    private static final Setting POLL = new Setting("--poll-interval", "ANKIRAG_POLL_INTERVAL", "poll.interval");
    private static final Setting TOKEN_STORE = new Setting("--token-store", "ANKIRAG_TOKEN_STORE", "token.store");
    private static final Setting EMAIL = new Setting("--email", "ANKIRAG_EMAIL", "email");
    private static final Setting CONFIG_DIR = new Setting("--config-dir", "ANKIRAG_AGENT_CONFIG_DIR", null);

    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /**
     * @param systemProperties {@code os.name} and {@code user.home}, for the default config folder
     */
    public AgentConfigLoader(Map<String, String> environment, Map<String, String> systemProperties) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
    }

    public static AgentConfigLoader ofThisProcess() {
        return new AgentConfigLoader(System.getenv(), Map.of(
                "os.name", System.getProperty("os.name", ""), "user.home", System.getProperty("user.home", ".")));
    }

    public AgentConfig load(String... args) {
        Map<String, String> arguments = new LinkedHashMap<>();
        boolean gui = true;
        for (String arg : args) {
            if (arg.equals("--no-gui")) {
                gui = false;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (equals < 0 || !isKnownArgument(name)) {
                throw new ConfigException("Unknown argument '" + arg + "'; run with --help for the options.");
            }
            arguments.put(name, arg.substring(equals + 1));
        }
        Path configDir = Path.of(firstOf(CONFIG_DIR, arguments, new Properties()) instanceof Found found
                ? found.value() : defaultConfigDir().toString());
        Properties file = readConfigFile(configDir.resolve(CONFIG_FILE));

        URI serverUrl = firstOf(SERVER_URL, arguments, file) instanceof Found found ? httpUrl(found) : null;
        URI ankiUrl = firstOf(ANKI_URL, arguments, file) instanceof Found found ? httpUrl(found)
                : AgentConfig.DEFAULT_ANKI_CONNECT_URL;
        String ankiKey = firstOf(ANKI_KEY, arguments, file) instanceof Found found ? found.value() : null;
        Duration poll = firstOf(POLL, arguments, file) instanceof Found found ? pollInterval(found)
                : AgentConfig.DEFAULT_POLL_INTERVAL;
        TokenStoreChoice store = firstOf(TOKEN_STORE, arguments, file) instanceof Found found ? tokenStore(found)
                : TokenStoreChoice.AUTO;
        String email = firstOf(EMAIL, arguments, file) instanceof Found found ? found.value() : null;
        return new AgentConfig(serverUrl, ankiUrl, ankiKey, poll, gui, store, configDir, email);
    }

    /** Remembers the server (and account) the user logged in to, for the next start. */
    public static void rememberLogin(Path configDir, URI serverUrl, String email) {
        Path path = configDir.resolve(CONFIG_FILE);
        Properties file = readConfigFile(path);
        file.setProperty(SERVER_URL.property(), serverUrl.toString());
        if (email != null) {
            file.setProperty(EMAIL.property(), email);
        }
        try {
            Files.createDirectories(configDir);
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                file.store(out, "AnkiRAG desktop agent");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    /** A server URL typed into the login window, checked like {@code --server-url}. */
    public static URI serverUrl(String typed) {
        return httpUrl(new Found(typed.strip(), "The server URL"));
    }

    public static String usage() {
        return """
                Usage: java -jar ankirag-agent.jar [--no-gui] [--server-url=URL] [--anki-connect-url=URL]
                       [--anki-connect-key=KEY] [--poll-interval=30s] [--token-store=auto|keyring|file]
                       [--email=ADDRESS] [--config-dir=DIR]
                Environment: ANKIRAG_SERVER_URL ANKICONNECT_URL ANKICONNECT_KEY ANKIRAG_POLL_INTERVAL
                       ANKIRAG_TOKEN_STORE ANKIRAG_EMAIL ANKIRAG_AGENT_CONFIG_DIR, and ANKIRAG_PASSWORD for the
                       first --no-gui login. Config file: agent.properties in the config folder
                       (server.url, ankiconnect.url, ankiconnect.key, poll.interval, token.store, email).
                """;
    }

    Path defaultConfigDir() {
        String os = systemProperties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(systemProperties.getOrDefault("user.home", "."));
        if (os.startsWith("windows") && environment.containsKey("APPDATA")) {
            return Path.of(environment.get("APPDATA"), "AnkiRAG Agent");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library/Application Support/AnkiRAG Agent");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("ankirag-agent");
    }

    private sealed interface Lookup permits Found, Missing {
    }

    private record Found(String value, String source) implements Lookup {
    }

    private record Missing() implements Lookup {
    }

    private Lookup firstOf(Setting setting, Map<String, String> arguments, Properties file) {
        String fromArgument = arguments.get(setting.argument());
        if (fromArgument != null && !fromArgument.isBlank()) {
            return new Found(fromArgument.strip(), "argument " + setting.argument());
        }
        String fromEnvironment = environment.get(setting.environment());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Found(fromEnvironment.strip(), "environment variable " + setting.environment());
        }
        String fromFile = setting.property() == null ? null : file.getProperty(setting.property());
        if (fromFile != null && !fromFile.isBlank()) {
            return new Found(fromFile.strip(), CONFIG_FILE + " property " + setting.property());
        }
        return new Missing();
    }

    private static boolean isKnownArgument(String name) {
        return java.util.stream.Stream.of(SERVER_URL, ANKI_URL, ANKI_KEY, POLL, TOKEN_STORE, EMAIL, CONFIG_DIR)
                .anyMatch(s -> s.argument().equals(name));
    }

    private static Properties readConfigFile(Path path) {
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new ConfigException("Cannot read " + path + ": " + e.getMessage());
            }
        }
        return properties;
    }

    private static URI httpUrl(Found found) {
        try {
            URI uri = new URI(found.value().replaceAll("/+$", ""));
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ConfigException(found.source() + " must be an http(s) URL with a host, not '" + found.value() + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(found.source() + " is not a URL: '" + found.value() + "'");
        }
    }

    private static Duration pollInterval(Found found) {
        Duration duration;
        Matcher simple = SIMPLE_DURATION.matcher(found.value().toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2) == null ? "s" : simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                duration = Duration.parse(found.value().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigException(found.source() + " must be a duration like 30s, 2m, 1h or PT45S, not '"
                        + found.value() + "'");
            }
        }
        if (duration.compareTo(Duration.ofMillis(100)) < 0 || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new ConfigException(found.source() + " must be between 100ms and 24h, not '" + found.value() + "'");
        }
        return duration;
    }

    private static TokenStoreChoice tokenStore(Found found) {
        try {
            return TokenStoreChoice.valueOf(found.value().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(found.source() + " must be auto, keyring or file, not '" + found.value() + "'");
        }
    }
}
