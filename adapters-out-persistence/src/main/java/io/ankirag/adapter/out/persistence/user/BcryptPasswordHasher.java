package io.ankirag.adapter.out.persistence.user;

import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.domain.user.Password;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Lives beside the user store because what it makes is only ever stored: hashing is part of keeping credentials. */
@Component
class BcryptPasswordHasher implements HashPasswordPort {

    private final BCryptPasswordEncoder encoder;

    BcryptPasswordHasher(@Value("${ankirag.security.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String hash(Password password) {
        return encoder.encode(password.value());
    }

    @Override
    public boolean matches(String candidate, String hash) {
        return encoder.matches(candidate, hash);
    }
}
