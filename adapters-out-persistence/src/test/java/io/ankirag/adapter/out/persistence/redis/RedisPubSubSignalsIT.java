package io.ankirag.adapter.out.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ankirag.application.port.out.signal.SignalsPort.Subscription;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

class RedisPubSubSignalsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How long a message that should not arrive is given to arrive anyway. */
    private static final Duration GRACE = Duration.ofMillis(300);

    /** One application instance: its own connections and listener container. */
    private static final class Instance implements AutoCloseable {

        final RealRedis redis;
        final RedisMessageListenerContainer container;
        final RedisPubSubSignals signals;

        Instance(RealRedis redis) {
            this.redis = redis;
            container = RedisPubSubSignals.listenerContainer(redis.connections);
            container.afterPropertiesSet();
            container.start();
            signals = new RedisPubSubSignals(redis.redis, container, redis.namespace);
        }

        @Override
        public void close() {
            try {
                container.destroy();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                redis.close();
            }
        }
    }

    private final Instance one = new Instance(RealRedis.connect());
    private final Instance two = new Instance(one.redis.anotherInstance());

    @AfterEach
    void closeBothInstances() {
        two.close();
        one.close();
    }

    @Test
    void aSignalPublishedOnOneInstanceReachesSubscribersOnEvery() throws InterruptedException {
        BlockingQueue<String> onOne = new LinkedBlockingQueue<>();
        BlockingQueue<String> onTwo = new LinkedBlockingQueue<>();
        one.signals.subscribe("job:42", onOne::add);
        two.signals.subscribe("job:42", onTwo::add);

        one.signals.publish("job:42", "progress");

        assertThat(next(onTwo)).isEqualTo("progress");
        assertThat(next(onOne)).isEqualTo("progress");
    }

    @Test
    void channelsAreNamespacedInRedis() throws InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        two.signals.subscribe("job:42", received::add);

        Long receivers = one.redis.redis.convertAndSend(one.redis.namespace + "signal:job:42", "raw");

        assertThat(receivers).isEqualTo(1L);
        assertThat(next(received)).isEqualTo("raw");
    }

    @Test
    void aSubscriberHearsOnlyItsChannel() throws InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        two.signals.subscribe("job:1", message -> received.add("job:1 " + message));
        two.signals.subscribe("job:2", message -> received.add("job:2 " + message));

        one.signals.publish("job:2", "done");

        assertThat(next(received)).isEqualTo("job:2 done");
        assertThat(received.poll(GRACE.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws InterruptedException {
        BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        BlockingQueue<String> open = new LinkedBlockingQueue<>();
        Subscription closing = two.signals.subscribe("job:42", closed::add);
        Subscription staying = two.signals.subscribe("job:42", open::add);
        one.signals.publish("job:42", "before");
        assertThat(next(closed)).isEqualTo("before");
        assertThat(next(open)).isEqualTo("before");

        closing.close();
        closing.close();
        one.signals.publish("job:42", "after");

        assertThat(next(open)).isEqualTo("after");
        assertThat(closed.poll(GRACE.toMillis(), TimeUnit.MILLISECONDS)).isNull();

        staying.close();
        assertThat(receiversOf("job:42")).as("Redis subscribers once every subscription is closed").isZero();
    }

    @Test
    void aFailingListenerIsContainedAndStaysSubscribed() throws InterruptedException {
        BlockingQueue<String> failing = new LinkedBlockingQueue<>();
        BlockingQueue<String> bystander = new LinkedBlockingQueue<>();
        two.signals.subscribe("job:42", message -> {
            failing.add(message);
            throw new IllegalStateException("listener bug");
        });
        two.signals.subscribe("job:42", bystander::add);

        one.signals.publish("job:42", "first");
        one.signals.publish("job:42", "second");

        assertThat(List.of(next(failing), next(failing))).containsExactlyInAnyOrder("first", "second");
        assertThat(List.of(next(bystander), next(bystander))).containsExactlyInAnyOrder("first", "second");
        assertThat(two.container.isRunning()).isTrue();
    }

    @Test
    void withoutRedisPublishingAndSubscribingFailWithSys002() {
        try (Instance down = new Instance(RealRedis.down())) {
            DomainException publish = catchThrowableOfType(DomainException.class, () -> down.signals.publish("job:42", "x"));
            DomainException subscribe = catchThrowableOfType(DomainException.class,
                    () -> down.signals.subscribe("job:42", message -> { }));

            assertThat(publish.code()).isEqualTo(ErrorCode.SYS_002);
            assertThat(subscribe.code()).isEqualTo(ErrorCode.SYS_002);
            assertThat(subscribe.detail()).contains("job:42").contains("Redis is unavailable");
        }
    }

    private static String next(BlockingQueue<String> received) throws InterruptedException {
        String message = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a signal within " + PATIENCE).isNotNull();
        return message;
    }

    /** Redis' own count of subscribers, which settles shortly after an unsubscribe. */
    private long receiversOf(String channel) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long receivers;
        do {
            receivers = one.redis.redis.convertAndSend(one.redis.namespace + "signal:" + channel, "probe");
            if (receivers == 0) {
                return 0;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return receivers;
    }
}
