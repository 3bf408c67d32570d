package io.ankirag.application.port.in.user;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;

/** Every account, for administrators. */
public interface UserDirectoryQuery {

    /** Users ordered by creation, oldest first; {@code search} matches email or display name, ignoring case. */
    Page<User> users(PageRequest page, String search);

    /** @throws io.ankirag.domain.error.DomainException {@code USER_002} when no such user exists */
    User user(UserId id);
}
