package io.ankirag.application.port.out.idempotency;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers client idempotency keys for a while (24 hours for generation requests, spec 5.4), shared by every
 * application instance (Redis), so a retried request finds what the first one started instead of starting it
 * again.
 */
public interface IdempotencyKeysPort {

    /**
     * Atomically binds {@code key} of {@code subject} (a user id) in {@code scope} (e.g. {@code generation}) to
     * {@code value} (e.g. a job id) for {@code ttl}, unless it is already bound.
     *
     * @return empty when this call bound it (go ahead), or the value bound earlier (answer with that instead)
     * @throws io.ankirag.domain.error.DomainException {@code SYS_002} when the keys cannot be reached
     */
    Optional<String> bindIfAbsent(String scope, String subject, String key, String value, Duration ttl);

    /**
     * Forgets a binding, e.g. when the work it named could not be started after all.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_002} when the keys cannot be reached
     */
    void release(String scope, String subject, String key);
}
