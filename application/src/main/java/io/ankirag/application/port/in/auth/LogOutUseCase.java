package io.ankirag.application.port.in.auth;

public interface LogOutUseCase {

    /**
     * Revokes the session the refresh token belongs to (its whole family). Idempotent: an unknown or already
     * revoked token is not an error, so a client can always clean up.
     */
    void logOut(String refreshToken);
}
