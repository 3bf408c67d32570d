package io.ankirag.application.ratelimit;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/** {@code RATE_001}: the caller has used up a limit; {@link #retryAfter()} says when the window resets. */
public class RateLimitExceededException extends DomainException {

    private final Duration retryAfter;

    public RateLimitExceededException(String detail, Duration retryAfter) {
        super(ErrorCode.RATE_001, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
