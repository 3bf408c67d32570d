package io.ankirag.adapter.out.persistence.redis;

import io.ankirag.application.port.out.signal.SignalsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Signals over Redis pub/sub, on channels {@code <namespace>signal:<channel>}. Every subscription of an instance
 * shares the one connection of its {@link RedisMessageListenerContainer}, which re-subscribes by itself when
 * Redis comes back. Messages are handed to listeners on virtual threads, so a slow listener holds up no other
 * and order between two messages is not kept: a signal says where to look, not what happened.
 *
 * <p>Publishing or subscribing while Redis cannot be reached fails with {@code SYS_002}: a caller that can live
 * without the wake-up (it reads durable state anyway) catches it, nobody is told "subscribed" in vain.
 */
class RedisPubSubSignals implements SignalsPort {

    private static final Logger log = LoggerFactory.getLogger(RedisPubSubSignals.class);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container;
    private final String namespace;

    /** @param namespace prefix of every channel, e.g. {@code ankirag:} */
    RedisPubSubSignals(StringRedisTemplate redis, RedisMessageListenerContainer container, String namespace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.container = Objects.requireNonNull(container, "container");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** A container for signals: listeners run on virtual threads, a failing listener is logged and forgotten. */
    static RedisMessageListenerContainer listenerContainer(RedisConnectionFactory connections) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("signals-");
        executor.setVirtualThreads(true);
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(executor);
        container.setErrorHandler(error -> log.warn("A signal listener failed", error));
        return container;
    }

    @Override
    public void publish(String channel, String message) {
        Objects.requireNonNull(message, "message");
        try {
            redis.convertAndSend(channelOf(channel), message);
        } catch (DataAccessException unavailable) {
            throw unavailable("publish to", channel, unavailable);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        ChannelTopic topic = ChannelTopic.of(channelOf(channel));
        MessageListener delivery = (message, pattern) -> {
            try {
                listener.accept(new String(message.getBody(), StandardCharsets.UTF_8));
            } catch (RuntimeException failure) {
                log.warn("A listener of signal channel {} failed; it stays subscribed", channel, failure);
            }
        };
        requireReachable(channel);
        container.addMessageListener(delivery, topic);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                container.removeMessageListener(delivery, topic);
            }
        };
    }

    /** The container would wait for Redis silently and subscribe later; say so now instead. */
    private void requireReachable(String channel) {
        RedisConnectionFactory connections = Objects.requireNonNull(container.getConnectionFactory(), "connection factory");
        try (RedisConnection connection = connections.getConnection()) {
            connection.ping();
        } catch (DataAccessException unavailable) {
            throw unavailable("subscribe to", channel, unavailable);
        }
    }

    private String channelOf(String channel) {
        return namespace + "signal:" + Objects.requireNonNull(channel, "channel");
    }

    private static DomainException unavailable(String what, String channel, DataAccessException cause) {
        return new DomainException(ErrorCode.SYS_002,
                "cannot " + what + " signal channel " + channel + " while Redis is unavailable", cause);
    }
}
