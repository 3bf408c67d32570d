package io.ankirag.adapter.out.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisIdempotencyKeysIT {

    private static final Duration DAY = Duration.ofHours(24);

    private final RealRedis redis = RealRedis.connect();
    private final RedisIdempotencyKeys keys = new RedisIdempotencyKeys(redis.redis, redis.namespace);

    @AfterEach
    void deleteOurKeys() {
        redis.close();
    }

    @Test
    void theFirstBindGoesAheadAndARepeatGetsItsValue() {
        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-1", DAY)).isEmpty();

        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-2", DAY)).contains("job-1");
        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-3", DAY)).contains("job-1");
    }

    @Test
    void aBindingIsKeptForItsTtl() {
        keys.bindIfAbsent("generation", "user-1", "key-1", "job-1", DAY);

        assertThat(redis.keys()).singleElement().satisfies(key ->
                assertThat(redis.redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(DAY.toMillis() - 5_000, DAY.toMillis()));
    }

    @Test
    void keysOfOtherUsersAndScopesAreOthers() {
        keys.bindIfAbsent("generation", "user-1", "key-1", "job-1", DAY);

        assertThat(keys.bindIfAbsent("generation", "user-2", "key-1", "job-2", DAY)).isEmpty();
        assertThat(keys.bindIfAbsent("chat", "user-1", "key-1", "message-1", DAY)).isEmpty();
        assertThat(keys.bindIfAbsent("generation", "user-1", "key-2", "job-3", DAY)).isEmpty();
    }

    @Test
    void anExpiredBindingIsForgotten() throws InterruptedException {
        keys.bindIfAbsent("generation", "user-1", "key-1", "job-1", Duration.ofMillis(500));

        Thread.sleep(700);

        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-2", DAY)).isEmpty();
        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-3", DAY)).contains("job-2");
    }

    @Test
    void releaseForgetsThatBindingOnly() {
        keys.bindIfAbsent("generation", "user-1", "key-1", "job-1", DAY);
        keys.bindIfAbsent("generation", "user-1", "key-2", "job-2", DAY);

        keys.release("generation", "user-1", "key-1");

        assertThat(keys.bindIfAbsent("generation", "user-1", "key-1", "job-3", DAY)).isEmpty();
        assertThat(keys.bindIfAbsent("generation", "user-1", "key-2", "job-4", DAY)).contains("job-2");
    }

    @Test
    void releasingAnUnboundKeyIsHarmless() {
        keys.release("generation", "user-1", "never-bound");

        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void ofTwentyRacingBindsOneWinsAndEveryOtherGetsItsValue() throws Exception {
        int racers = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                String job = "job-" + i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return keys.bindIfAbsent("generation", "user-1", "key-1", job, DAY);
                }));
            }
            start.countDown();
        }
        List<Optional<String>> answers = new ArrayList<>();
        for (Future<Optional<String>> outcome : outcomes) {
            answers.add(outcome.get());
        }
        String winner = redis.redis.opsForValue().get(redis.keys().getFirst());

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(Optional::isPresent).hasSize(racers - 1).containsOnly(Optional.of(winner));
    }

    @Test
    void withoutRedisEveryCallFailsWithSys002() {
        try (RealRedis down = RealRedis.down()) {
            RedisIdempotencyKeys unreachable = new RedisIdempotencyKeys(down.redis, down.namespace);

            DomainException bind = catchThrowableOfType(DomainException.class,
                    () -> unreachable.bindIfAbsent("generation", "user-1", "key-1", "job-1", DAY));
            DomainException release = catchThrowableOfType(DomainException.class,
                    () -> unreachable.release("generation", "user-1", "key-1"));

            assertThat(bind.code()).isEqualTo(ErrorCode.SYS_002);
            assertThat(bind.detail()).contains("Redis is unavailable");
            assertThat(release.code()).isEqualTo(ErrorCode.SYS_002);
        }
    }
}
