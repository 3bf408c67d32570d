package io.ankirag.adapter.out.persistence.redis;

import io.ankirag.application.port.out.ratelimit.RateLimitPort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed-window counters in Redis, one key per (bucket, window, subject) that lives for one window from the first
 * call counted in it: the spec's "simple Redis counter with TTL" (5.8). A sliding log (a sorted set of call times)
 * would stop the burst of up to twice the limit across a window's edge, at the price of one set member per call;
 * for limits that guard an LLM budget against accidents, 10 or 60 an hour, the counter is enough and its
 * Retry-After is exact: the moment the key expires, everything is allowed again.
 *
 * <p>If Redis does not answer, calls are let through with a warning: rate limiting protects a budget, it is not
 * worth refusing every generation and chat message while Redis is away (the health endpoint reports it).
 */
class RedisRateLimitCounters implements RateLimitPort {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitCounters.class);

    /**
     * One round trip, atomic: a refused call leaves the counter as it was, and the expiry is set once, when the
     * window's first call creates the counter (or repaired, should a counter ever lack one).
     * Answers {allowed 1|0, count, milliseconds until the window ends}.
     */
    private static final RedisScript<List<Long>> COUNT_IF_UNDER_LIMIT = script("""
            local limit = tonumber(ARGV[1])
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count >= limit then
              local ttl = redis.call('PTTL', KEYS[1])
              if ttl < 0 then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                ttl = tonumber(ARGV[2])
              end
              return {0, count, ttl}
            end
            count = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return {1, count, redis.call('PTTL', KEYS[1])}
            """);

    private final StringRedisTemplate redis;
    private final String namespace;

    /** @param namespace prefix of every key, e.g. {@code ankirag:} */
    RedisRateLimitCounters(StringRedisTemplate redis, String namespace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public Decision tryAcquire(String bucket, String subject, int limit, Duration window) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(subject, "subject");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        long windowMillis = window.toMillis();
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be at least a millisecond, not " + window);
        }
        String key = namespace + "ratelimit:" + bucket + ":" + windowMillis + "ms:" + subject;
        List<Long> answer;
        try {
            answer = redis.execute(COUNT_IF_UNDER_LIMIT, List.of(key), Integer.toString(limit), Long.toString(windowMillis));
        } catch (DataAccessException unavailable) {
            log.warn("Rate limit {} not checked for {}: Redis did not answer ({}); letting the call through",
                    bucket, subject, unavailable.getMessage());
            return new Decision(true, limit - 1, Duration.ZERO);
        }
        boolean allowed = answer.get(0) == 1;
        long count = answer.get(1);
        if (allowed) {
            return new Decision(true, (int) Math.max(0, limit - count), Duration.ZERO);
        }
        return new Decision(false, 0, Duration.ofMillis(Math.max(1, answer.get(2))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Long>> script(String lua) {
        return (RedisScript) RedisScript.of(lua, List.class);
    }
}
