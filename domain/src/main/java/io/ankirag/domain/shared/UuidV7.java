package io.ankirag.domain.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered UUIDs (RFC 9562, version 7), the spec's primary-key format: they sort by creation time,
 * which keeps B-tree inserts local. Hand-written because the domain takes nothing but the JDK.
 */
public final class UuidV7 {

    private static final RandomGenerator RANDOM = new SecureRandom();

    private UuidV7() {
    }

    public static UUID next(Clock clock) {
        return at(clock.millis(), RANDOM);
    }

    static UUID at(long unixMillis, RandomGenerator random) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16   // 48-bit timestamp
                | 0x7000L                                 // version 7
                | (random.nextLong() & 0x0FFFL);          // 12 random bits
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(msb, lsb);
    }
}
