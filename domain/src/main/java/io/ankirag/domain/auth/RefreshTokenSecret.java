package io.ankirag.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The opaque string a client holds to refresh its session. Only its SHA-256 digest is ever stored, so a
 * leaked database does not leak usable sessions; 256 random bits make a slow hash unnecessary.
 */
public record RefreshTokenSecret(String value) {

    private static final int RANDOM_BYTES = 32;

    public RefreshTokenSecret {
        Objects.requireNonNull(value, "value");
    }

    public static RefreshTokenSecret generate(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new RefreshTokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[****]";
    }
}
