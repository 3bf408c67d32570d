package io.ankirag.application.fakes;

import io.ankirag.application.port.out.user.HashPasswordPort;
import io.ankirag.domain.user.Password;

/** "Hashes" by prefixing, so tests can see that plain text never reaches storage. Counts comparisons. */
public final class FakePasswordHasher implements HashPasswordPort {

    public static final String PREFIX = "hashed:";

    private int comparisons;

    @Override
    public String hash(Password password) {
        return PREFIX + password.value();
    }

    @Override
    public boolean matches(String candidate, String hash) {
        comparisons++;
        return hash.equals(PREFIX + candidate);
    }

    public int comparisons() {
        return comparisons;
    }
}
