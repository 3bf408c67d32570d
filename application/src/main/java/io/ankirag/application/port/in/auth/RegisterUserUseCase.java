package io.ankirag.application.port.in.auth;

public interface RegisterUserUseCase {

    record RegisterUser(String email, String password, String displayName) {
    }

    /**
     * Creates an active {@code user} with default preferences and signs them in.
     *
     * @throws io.ankirag.domain.error.DomainException {@code USER_001} when the email is taken,
     *                                                 {@code REQ_002} when a field is invalid
     */
    AuthSession register(RegisterUser command);
}
