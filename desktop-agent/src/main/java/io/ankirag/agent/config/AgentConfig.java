package io.ankirag.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the agent runs, settled from (strongest first) command-line arguments, environment variables, the config file
 * {@code agent.properties} in {@link #configDir()}, and defaults. See {@link AgentConfigLoader} for the names.
 *
 * @param serverUrl      the AnkiRAG server, or {@code null} until the user names one (the window asks for it)
 * @param ankiConnectKey the API key AnkiConnect is set up with, or {@code null} for none
 * @param email          the account to log in with when no login is stored, or {@code null}
 */
public record AgentConfig(URI serverUrl, URI ankiConnectUrl, String ankiConnectKey, Duration pollInterval,
                          boolean gui, TokenStoreChoice tokenStore, Path configDir, String email) {

    public static final URI DEFAULT_ANKI_CONNECT_URL = URI.create("http://127.0.0.1:8765");
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    /** Where the refresh token is kept: the OS keyring when one answers, or always the encrypted file. */
    public enum TokenStoreChoice { AUTO, KEYRING, FILE }
}
