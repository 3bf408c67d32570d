package io.ankirag.application.port.out.user;

import io.ankirag.domain.user.Password;

/** A slow, salted one-way hash for passwords. */
public interface HashPasswordPort {

    String hash(Password password);

    boolean matches(String candidate, String hash);
}
