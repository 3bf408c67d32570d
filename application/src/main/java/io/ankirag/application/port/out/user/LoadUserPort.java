package io.ankirag.application.port.out.user;

import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.util.Optional;

/** Finds users that are not deleted. */
public interface LoadUserPort {

    Optional<User> userById(UserId id);

    Optional<User> userByEmail(Email email);
}
