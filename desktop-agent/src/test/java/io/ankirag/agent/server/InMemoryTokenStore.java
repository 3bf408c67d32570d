package io.ankirag.agent.server;

import io.ankirag.agent.token.RefreshTokenStore;
import java.util.Optional;

/** A token store for tests of what uses one; the real stores have their own tests. */
public final class InMemoryTokenStore implements RefreshTokenStore {

    private volatile String token;

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(token);
    }

    @Override
    public void save(String refreshToken) {
        token = refreshToken;
    }

    @Override
    public void clear() {
        token = null;
    }

    @Override
    public String describe() {
        return "memory";
    }
}
