package io.ankirag.application.port.in.user;

import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;

public interface UserProfileQuery {

    /** @throws io.ankirag.domain.error.DomainException {@code USER_002} when no such user exists */
    User profile(UserId id);
}
