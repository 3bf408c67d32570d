package io.ankirag.application.port.out.user;

import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

public interface SaveUserPort {

    /**
     * Stores a new user with its preferences, atomically.
     *
     * @throws io.ankirag.domain.error.DomainException {@code USER_001} when a live user has that email already
     */
    void insertUser(User user);

    /** Overwrites account fields and preferences of an existing user. */
    void updateUser(User user);

    /** Marks the user deleted; deleted users are invisible to every query and free their email. */
    void deleteUser(UserId id, Instant at);
}
