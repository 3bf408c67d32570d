package io.ankirag.application.auth;

import java.time.Duration;
import java.util.Objects;

/** @param refreshTokenTtl how long a session survives without a refresh ({@code JWT_REFRESH_TOKEN_EXPIRE_DAYS}) */
public record AuthSettings(Duration refreshTokenTtl) {

    public AuthSettings {
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new IllegalArgumentException("refresh token lifetime must be positive");
        }
    }
}
