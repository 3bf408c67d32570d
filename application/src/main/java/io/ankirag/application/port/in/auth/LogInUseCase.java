package io.ankirag.application.port.in.auth;

public interface LogInUseCase {

    record LogIn(String email, String password) {
    }

    /**
     * Starts a new session (a new refresh-token family).
     *
     * @throws io.ankirag.domain.error.DomainException {@code AUTH_001} for an unknown email or wrong password
     *                                                 (indistinguishable on purpose), {@code AUTH_003} for a
     *                                                 deactivated account
     */
    AuthSession logIn(LogIn command);
}
