package io.ankirag.application.port.in.auth;

import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;

public interface AuthenticatedUserQuery {

    /**
     * The user an access token speaks for, checked afresh on every request so that deactivation and
     * deletion take effect before the token expires.
     *
     * @throws io.ankirag.domain.error.DomainException {@code AUTH_001} when the user no longer exists,
     *                                                 {@code AUTH_003} when deactivated
     */
    User activeUser(UserId id);
}
