package io.ankirag.application.port.out.signal;

import java.util.function.Consumer;

/**
 * Fire-and-forget signals between application instances (Redis pub/sub): "job X has news". A signal only says
 * where to look; the news itself is read from durable state (event store or read model), so a missed signal
 * costs latency, never data. That is what lets several instances serve one SSE stream.
 */
public interface SignalsPort {

    /** A live subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Sends {@code message} to every current subscriber of {@code channel}, on any instance.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_002} when Redis cannot be reached
     */
    void publish(String channel, String message);

    /**
     * Delivers every later message on {@code channel} to {@code listener}, on a thread of the adapter's; the
     * listener must be quick and must not throw (what it throws is logged; it stays subscribed).
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_002} when Redis cannot be reached
     */
    Subscription subscribe(String channel, Consumer<String> listener);
}
