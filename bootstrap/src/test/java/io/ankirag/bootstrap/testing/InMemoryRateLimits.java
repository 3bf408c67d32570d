package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.ratelimit.RateLimitPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed windows per bucket and subject, as the Redis counter with a TTL keeps them. */
public final class InMemoryRateLimits implements RateLimitPort {

    private record Window(Instant resetsAt, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateLimits(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String bucket, String subject, int limit, Duration window) {
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        windows.compute(bucket + ":" + subject, (key, current) -> {
            Window open = current == null || !now.isBefore(current.resetsAt()) ? new Window(now.plus(window), 0) : current;
            if (open.count() >= limit) {
                decision[0] = new Decision(false, 0, Duration.between(now, open.resetsAt()));
                return open;
            }
            decision[0] = new Decision(true, limit - open.count() - 1, Duration.ZERO);
            return new Window(open.resetsAt(), open.count() + 1);
        });
        return decision[0];
    }
}
