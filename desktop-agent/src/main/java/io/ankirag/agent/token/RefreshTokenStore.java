package io.ankirag.agent.token;

import java.util.Optional;

/**
 * Keeps the one secret the agent holds between runs: the server's refresh token (rotated on every refresh). The
 * password is never stored, and access tokens live in memory only.
 */
public interface RefreshTokenStore {

    Optional<String> load();

    void save(String refreshToken);

    void clear();

    /** Where the token is kept, in words for the window and the log. */
    String describe();
}
