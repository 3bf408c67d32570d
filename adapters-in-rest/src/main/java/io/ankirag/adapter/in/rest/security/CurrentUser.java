package io.ankirag.adapter.in.rest.security;

import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.UserId;

/** Who is calling: what controllers receive through {@code @AuthenticationPrincipal}. */
public record CurrentUser(UserId id, Role role) {
}
