package io.ankirag.adapter.out.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.out.ratelimit.RateLimitPort.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRateLimitCountersIT {

    private static final Duration HOUR = Duration.ofHours(1);

    private final RealRedis redis = RealRedis.connect();
    private final RedisRateLimitCounters counters = new RedisRateLimitCounters(redis.redis, redis.namespace);

    @AfterEach
    void deleteOurKeys() {
        redis.close();
    }

    @Test
    void allowsUpToTheLimitSayingWhatIsLeftThenRefuses() {
        List<Decision> decisions = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            decisions.add(counters.tryAcquire("generation", "user-1", 3, HOUR));
        }

        assertThat(decisions).extracting(Decision::allowed).containsExactly(true, true, true, false);
        assertThat(decisions).extracting(Decision::remaining).containsExactly(2, 1, 0, 0);
        assertThat(decisions.subList(0, 3)).extracting(Decision::retryAfter).containsOnly(Duration.ZERO);
        assertThat(decisions.get(3).retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);
    }

    @Test
    void refusedCallsAreNotCounted() {
        for (int call = 0; call < 7; call++) {
            counters.tryAcquire("generation", "user-1", 2, HOUR);
        }

        assertThat(redis.keys()).singleElement()
                .satisfies(key -> assertThat(redis.redis.opsForValue().get(key)).isEqualTo("2"));
    }

    @Test
    void theWindowOpensWithItsFirstCallAndLaterCallsDoNotExtendIt() throws InterruptedException {
        counters.tryAcquire("generation", "user-1", 5, Duration.ofSeconds(30));
        String key = redis.keys().getFirst();
        long ttlAfterFirst = redis.redis.getExpire(key, TimeUnit.MILLISECONDS);

        Thread.sleep(1100);
        counters.tryAcquire("generation", "user-1", 5, Duration.ofSeconds(30));
        long ttlAfterSecond = redis.redis.getExpire(key, TimeUnit.MILLISECONDS);

        assertThat(ttlAfterFirst).isBetween(29_000L, 30_000L);
        assertThat(ttlAfterSecond).isLessThanOrEqualTo(ttlAfterFirst - 1000);
    }

    @Test
    void retryAfterIsWhatIsLeftOfTheWindow() throws InterruptedException {
        counters.tryAcquire("generation", "user-1", 1, Duration.ofSeconds(10));
        Thread.sleep(1200);

        Decision refused = counters.tryAcquire("generation", "user-1", 1, Duration.ofSeconds(10));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(7_500), Duration.ofMillis(8_800));
    }

    @Test
    void whenTheWindowEndsCallsAreAllowedAgain() throws InterruptedException {
        Duration window = Duration.ofMillis(800);
        assertThat(counters.tryAcquire("chat", "user-1", 1, window).allowed()).isTrue();
        Decision refused = counters.tryAcquire("chat", "user-1", 1, window);
        assertThat(refused.allowed()).isFalse();

        Thread.sleep(refused.retryAfter().toMillis() + 50);

        Decision again = counters.tryAcquire("chat", "user-1", 1, window);
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isZero();
    }

    @Test
    void eachUserBucketAndWindowHasItsOwnCounter() {
        counters.tryAcquire("generation", "user-1", 1, HOUR);

        assertThat(counters.tryAcquire("generation", "user-1", 1, HOUR).allowed()).isFalse();
        assertThat(counters.tryAcquire("generation", "user-2", 1, HOUR).allowed()).isTrue();
        assertThat(counters.tryAcquire("chat", "user-1", 1, HOUR).allowed()).isTrue();
        assertThat(counters.tryAcquire("generation", "user-1", 1, Duration.ofMinutes(1)).allowed()).isTrue();
    }

    @Test
    void fiftyRacingCallsForALimitOfTenAllowExactlyTen() throws Exception {
        int racers = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            Callable<Decision> call = () -> {
                start.await();
                return counters.tryAcquire("generation", "racer", 10, HOUR);
            };
            for (int i = 0; i < racers; i++) {
                outcomes.add(threads.submit(call));
            }
            start.countDown();
        }
        List<Decision> decisions = new ArrayList<>();
        for (Future<Decision> outcome : outcomes) {
            decisions.add(outcome.get());
        }

        assertThat(decisions).filteredOn(Decision::allowed).hasSize(10)
                .extracting(Decision::remaining).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(redis.redis.opsForValue().get(redis.keys().getFirst())).isEqualTo("10");
    }

    @Test
    void withoutRedisCallsAreLetThrough() {
        try (RealRedis down = RealRedis.down()) {
            RedisRateLimitCounters unreachable = new RedisRateLimitCounters(down.redis, down.namespace);

            Decision decision = unreachable.tryAcquire("generation", "user-1", 10, HOUR);

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.retryAfter()).isZero();
        }
    }
}
