package io.ankirag.adapter.out.persistence.redis;

import io.ankirag.application.port.out.idempotency.IdempotencyKeysPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Idempotency keys as Redis strings that expire on their own. Without Redis nothing can be promised about a
 * repeated request, so every call then fails with {@code SYS_002} rather than risk starting the same work twice.
 */
class RedisIdempotencyKeys implements IdempotencyKeysPort {

    /** Atomic: answers the value bound earlier, or binds ARGV[1] for ARGV[2] ms and answers nil. */
    private static final RedisScript<String> BIND_IF_ABSENT = RedisScript.of("""
            local bound = redis.call('GET', KEYS[1])
            if bound then
              return bound
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false
            """, String.class);

    private final StringRedisTemplate redis;
    private final String namespace;

    /** @param namespace prefix of every key, e.g. {@code ankirag:} */
    RedisIdempotencyKeys(StringRedisTemplate redis, String namespace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public Optional<String> bindIfAbsent(String scope, String subject, String key, String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        long ttlMillis = ttl.toMillis();
        if (ttlMillis < 1) {
            throw new IllegalArgumentException("an idempotency key must be kept for at least a millisecond, not " + ttl);
        }
        try {
            return Optional.ofNullable(redis.execute(BIND_IF_ABSENT, List.of(keyOf(scope, subject, key)), value,
                    Long.toString(ttlMillis)));
        } catch (DataAccessException unavailable) {
            throw unavailable(unavailable);
        }
    }

    @Override
    public void release(String scope, String subject, String key) {
        try {
            redis.delete(keyOf(scope, subject, key));
        } catch (DataAccessException unavailable) {
            throw unavailable(unavailable);
        }
    }

    private String keyOf(String scope, String subject, String key) {
        return namespace + "idempotency:" + Objects.requireNonNull(scope, "scope") + ":"
                + Objects.requireNonNull(subject, "subject") + ":" + Objects.requireNonNull(key, "key");
    }

    private static DomainException unavailable(DataAccessException cause) {
        return new DomainException(ErrorCode.SYS_002,
                "idempotency keys cannot be checked while Redis is unavailable; try again shortly", cause);
    }
}
