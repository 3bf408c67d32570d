package io.ankirag.application.port.in.auth;

public interface RefreshSessionUseCase {

    /**
     * Exchanges a refresh token for a new one of the same family; the old one stops working.
     *
     * @throws io.ankirag.domain.error.DomainException {@code AUTH_001} for an unknown or revoked token, and for
     *                                                 a token already exchanged (the whole family is revoked
     *                                                 then), {@code AUTH_002} for an expired one,
     *                                                 {@code AUTH_003} when the user was deactivated
     */
    AuthSession refresh(String refreshToken);
}
