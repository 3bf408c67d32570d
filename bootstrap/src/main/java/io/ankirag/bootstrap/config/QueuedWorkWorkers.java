package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.work.RunQueuedWorkUseCase;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The threads of this instance that take jobs from one shared durable queue: background imports
 * ({@code SYNC_IMPORT_WORKERS}, one by default: an import keeps a core busy) and syncs with Anki
 * ({@code SYNC_WORKERS}); see {@link QueuedWorkConfiguration}. Each asks for the next job, runs it, and asks again at once;
 * finding none, it looks again after the poll interval, so a job queued by any instance starts within it. While a
 * job runs, a second thread renews its lease. Stopping lets a running import finish for a while, then interrupts
 * it: its job is then taken up again, by this instance or another, once the lease runs out.
 */
class QueuedWorkWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueuedWorkWorkers.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final RunQueuedWorkUseCase jobs;
    private final int workers;
    private final Duration pollInterval;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    private ExecutorService threads;
    private ScheduledExecutorService leases;

    /** @param name what the threads are called after: {@code import} makes {@code import-worker-0} */
    QueuedWorkWorkers(String name, RunQueuedWorkUseCase jobs, int workers, Duration pollInterval) {
        this.name = name;
        this.jobs = jobs;
        this.workers = workers;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        if (running || workers < 1) {
            return;
        }
        running = true;
        threads = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name(name + "-worker-", 0).daemon().factory());
        leases = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name + "-leases").daemon().factory());
        for (int i = 0; i < workers; i++) {
            String worker = instance + "#" + i;
            threads.submit(() -> work(worker));
        }
    }

    private void work(String worker) {
        while (running) {
            boolean ran = false;
            long interval = jobs.keepAliveInterval().toMillis();
            ScheduledFuture<?> keepAlive = leases.scheduleAtFixedRate(() -> renew(worker), interval, interval, TimeUnit.MILLISECONDS);
            try {
                ran = jobs.runNextJob(worker);
            } catch (RuntimeException failed) {
                // The job (if one was claimed) is taken up again when its lease runs out.
                log.warn("{} worker {} failed; it goes on with the next job", name, worker, failed);
            } finally {
                keepAlive.cancel(false);
            }
            if (!ran && running) {
                LockSupport.parkNanos(pollInterval.toNanos());
            }
        }
    }

    private void renew(String worker) {
        try {
            jobs.keepAlive(worker);
        } catch (RuntimeException failed) {
            log.warn("Could not renew the lease of {} worker {}", name, worker, failed);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        leases.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
