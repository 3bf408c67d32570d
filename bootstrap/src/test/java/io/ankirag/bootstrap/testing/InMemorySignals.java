package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.signal.SignalsPort;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Pub/sub within one application context, delivered on a thread of its own as Redis' listener container does. */
public final class InMemorySignals implements SignalsPort, AutoCloseable {

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("signals").factory());

    @Override
    public void publish(String channel, String message) {
        List<Consumer<String>> subscribed = listeners.getOrDefault(channel, List.of());
        if (!subscribed.isEmpty()) {
            delivery.execute(() -> subscribed.forEach(listener -> listener.accept(message)));
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(channel, List.of()).remove(listener);
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
