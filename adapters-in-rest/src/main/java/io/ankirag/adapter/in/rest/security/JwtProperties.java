package io.ankirag.adapter.in.rest.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code JWT_*} settings of spec section 10.1.
 *
 * @param secretKey           HMAC key; at least 32 bytes, since HS256 needs 256 bits
 * @param accessTokenLifetime {@code JWT_ACCESS_TOKEN_EXPIRE_MINUTES}
 */
@ConfigurationProperties("ankirag.jwt")
public record JwtProperties(String secretKey, String algorithm, Duration accessTokenLifetime, Duration refreshTokenLifetime) {

    /** The placeholder from the spec's {@code .env} example, refused outside the dev profile. */
    public static final String EXAMPLE_SECRET = "your-secret-key-change-in-production";
    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (secretKey == null || secretKey.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT_SECRET_KEY must be at least " + MIN_SECRET_BYTES
                    + " bytes long (try: openssl rand -base64 48)");
        }
        if (algorithm != null && !algorithm.equals("HS256")) {
            throw new IllegalArgumentException("JWT_ALGORITHM must be HS256, the only algorithm AnkiRAG signs with");
        }
        if (accessTokenLifetime == null || accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("JWT_ACCESS_TOKEN_EXPIRE_MINUTES must be positive");
        }
        if (refreshTokenLifetime == null || refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
            throw new IllegalArgumentException("JWT_REFRESH_TOKEN_EXPIRE_DAYS must be positive");
        }
    }

    public boolean usesExampleSecret() {
        return EXAMPLE_SECRET.equals(secretKey);
    }
}
