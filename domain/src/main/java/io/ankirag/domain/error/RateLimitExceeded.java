package io.ankirag.domain.error;

import java.time.Duration;
import java.util.Objects;

/** {@code RATE_001} with how long the caller should wait before trying again (HTTP answers it as {@code Retry-After}). */
public final class RateLimitExceeded extends DomainException {

    private final Duration retryAfter;

    public RateLimitExceeded(String detail, Duration retryAfter) {
        super(ErrorCode.RATE_001, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
