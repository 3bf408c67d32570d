package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.idempotency.IdempotencyKeysPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys with an expiry, bound atomically, as Redis' SET NX EX binds them. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeysPort {

    private record Binding(String value, Instant expiresAt) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryIdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> bindIfAbsent(String scope, String subject, String key, String value, Duration ttl) {
        Instant now = clock.instant();
        String[] earlier = new String[1];
        bindings.compute(scope + ":" + subject + ":" + key, (k, current) -> {
            if (current != null && now.isBefore(current.expiresAt())) {
                earlier[0] = current.value();
                return current;
            }
            return new Binding(value, now.plus(ttl));
        });
        return Optional.ofNullable(earlier[0]);
    }

    @Override
    public void release(String scope, String subject, String key) {
        bindings.remove(scope + ":" + subject + ":" + key);
    }
}
