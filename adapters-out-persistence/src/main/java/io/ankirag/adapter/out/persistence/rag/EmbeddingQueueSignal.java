package io.ankirag.adapter.out.persistence.rag;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes this instance's embedding workers as soon as the projection has committed queued cards, instead of at
 * their next poll. Each worker thread remembers the last wake-up it saw, so none misses one that came while it
 * was busy.
 */
@Component
class EmbeddingQueueSignal {

    private final Object lock = new Object();
    private final ThreadLocal<Long> seen = ThreadLocal.withInitial(() -> -1L);
    private long wakeUps;

    void queued() {
        synchronized (lock) {
            wakeUps++;
            lock.notifyAll();
        }
    }

    void await(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lock) {
            while (wakeUps == seen.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            seen.set(wakeUps);
        }
    }
}
