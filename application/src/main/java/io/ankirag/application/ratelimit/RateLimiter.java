package io.ankirag.application.ratelimit;

import io.ankirag.application.port.out.ratelimit.RateLimitPort;
import io.ankirag.application.port.out.ratelimit.RateLimitPort.Decision;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.util.Objects;

/**
 * What a use case calls before work that a {@link RateLimitPolicy} limits: counts the call for the user, or refuses
 * it with {@code RATE_001} saying how long to wait.
 */
public final class RateLimiter {

    private final RateLimitPort counters;

    public RateLimiter(RateLimitPort counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Counts one call of {@code user} under {@code policy}.
     *
     * @return the counter's decision (calls remaining in the window)
     * @throws RateLimitExceededException {@code RATE_001} when the window is used up; the refused call is not counted
     */
    public Decision acquire(RateLimitPolicy policy, UserId user) {
        Decision decision = counters.tryAcquire(policy.bucket(), user.value().toString(), policy.limit(), policy.window());
        if (!decision.allowed()) {
            throw new RateLimitExceededException(policy.activity() + " is limited to " + policy.describe()
                    + "; try again in " + humanize(decision.retryAfter()), decision.retryAfter());
        }
        return decision;
    }

    /** "45 seconds", "37 minutes", "2 hours 5 minutes": whole units, rounded up, so the user never comes too early. */
    static String humanize(Duration wait) {
        long seconds = Math.max(1, wait.plusNanos(999_999_999).getSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
