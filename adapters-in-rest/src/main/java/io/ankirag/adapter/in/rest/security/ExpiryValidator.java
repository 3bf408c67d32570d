package io.ankirag.adapter.in.rest.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks {@code exp} and {@code nbf} like Spring's own timestamp validator, but reports expiry under its own
 * error code, so that an expired token can be told apart ({@code AUTH_002}) from a forged one ({@code AUTH_001}).
 */
class ExpiryValidator implements OAuth2TokenValidator<Jwt> {

    static final String EXPIRED = "token_expired";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Clock clock;

    ExpiryValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        if (jwt.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token has no expiry", null));
        }
        if (now.minus(CLOCK_SKEW).isAfter(jwt.getExpiresAt())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(EXPIRED, "token expired at " + jwt.getExpiresAt(), null));
        }
        if (jwt.getNotBefore() != null && now.plus(CLOCK_SKEW).isBefore(jwt.getNotBefore())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token is not valid yet", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
