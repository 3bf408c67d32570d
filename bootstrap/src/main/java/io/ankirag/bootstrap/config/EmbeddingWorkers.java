package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.rag.EmbedQueuedCardsUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The search index's background workers: each loops over {@link EmbedQueuedCardsUseCase#embedNextBatch()}, and
 * sleeps until the projection queues cards (or, for other instances' work, a poll interval) when none is due.
 * Three workers by default: while one writes its vectors, the others keep the model's threads busy (on two
 * cores, three came closer to the model's own throughput than two in {@code make bench-rag}).
 *
 * <p>The configured model is registered once all beans exist (so after Flyway) and before Axon's processors
 * start, because the index's projection writes rows for the registered models only.
 */
@Component
class EmbeddingWorkers implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorkers.class);

    private final EmbedQueuedCardsUseCase index;
    private final int count;
    private final Duration pollInterval;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    EmbeddingWorkers(EmbedQueuedCardsUseCase index,
                     @Value("${ankirag.embedding.worker.threads:3}") int count,
                     @Value("${ankirag.embedding.worker.poll-interval:1s}") Duration pollInterval) {
        this.index = index;
        this.count = count;
        this.pollInterval = pollInterval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        index.registerConfiguredModel();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("embedding-worker-" + (i + 1)).daemon().start(this::work));
        }
    }

    private void work() {
        while (running) {
            try {
                if (index.embedNextBatch() == 0) {
                    index.awaitQueuedCards(pollInterval);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The database, most likely; the queue is durable, so the next round picks the work up again.
                log.warn("Embedding worker: {}", failed.toString());
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Lets each worker finish its batch rather than interrupting it (an interrupted model call would count as a
     * failure of those cards); a worker waiting for work sees the stop within a poll interval.
     */
    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + pollInterval.plusSeconds(10).toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
