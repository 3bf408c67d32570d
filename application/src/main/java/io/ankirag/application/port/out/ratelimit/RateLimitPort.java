package io.ankirag.application.port.out.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts a user's calls of one kind in a fixed window shared by every application instance (Redis), for the
 * spec's rate limits (5.8: generation 10/hour, chat messages 60/hour by default).
 */
public interface RateLimitPort {

    /**
     * @param allowed    whether this call fits in the window (and was counted)
     * @param remaining  calls left in the window after this one
     * @param retryAfter when refused, how long until the window resets; {@link Duration#ZERO} when allowed
     */
    record Decision(boolean allowed, int remaining, Duration retryAfter) {

        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Counts one call of {@code bucket} (e.g. {@code generation}) for {@code subject} (a user id) and says whether
     * it is within {@code limit} calls per {@code window}. Refused calls are not counted. When the counters cannot be
     * reached the call is allowed (fail open, with a warning logged): a limit is not worth refusing all work for.
     */
    Decision tryAcquire(String bucket, String subject, int limit, Duration window);
}
