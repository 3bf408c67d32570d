package io.ankirag.application.port.out.user;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.user.User;

public interface ListUsersPort {

    /** Live users ordered by creation time; {@code search} (nullable) matches email or display name, ignoring case. */
    Page<User> listUsers(PageRequest page, String search);
}
