package io.ankirag.application.port.in.auth;

import io.ankirag.domain.auth.RefreshTokenSecret;
import io.ankirag.domain.user.User;
import java.time.Instant;

/** What a successful sign-in or refresh yields; the caller mints the short-lived access token for {@code user}. */
public record AuthSession(User user, RefreshTokenSecret refreshToken, Instant refreshTokenExpiresAt) {
}
