package io.ankirag.application.generation;

import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.application.port.out.generation.GenerationJobReadModelPort;
import io.ankirag.application.port.out.generation.GenerationWorkQueuePort;
import io.ankirag.application.port.out.signal.SignalsPort;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Takes unfinished generation jobs from the shared queue and runs them, a few at a time, each on a virtual thread
 * with a supervisor beside it that renews the job's lease and watches for the learner's cancel. Every instance
 * runs one; a job goes to whichever claims it first. A run that ends, one way or another, gives its lease back;
 * one whose thread dies without a word ({@link Error}s are not caught, as a crash would not be) simply stops
 * renewing, and once the lease lapses another worker resumes the job.
 */
public class GenerationWorker {

    /**
     * @param name         this worker's name in the leases (unique per instance)
     * @param concurrency  jobs this instance runs at once
     * @param lease        how long a claim holds without renewal; renewed every third of it
     * @param pollInterval how often the queue is looked at without a signal, and a running job's status checked
     * @param retryBackoff how long a job that met unexpected trouble waits before another run takes it up
     */
    public record WorkerSettings(String name, int concurrency, Duration lease, Duration pollInterval, Duration retryBackoff) {

        public WorkerSettings {
            Objects.requireNonNull(name, "name");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
        }
    }

    private static final System.Logger log = System.getLogger(GenerationWorker.class.getName());

    private final GenerationWorkQueuePort queue;
    private final GenerationJobReadModelPort jobs;
    private final GenerationPipeline pipeline;
    private final SignalsPort signals;
    private final WorkerSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final Map<GenerationJobId, RunControl> running = new ConcurrentHashMap<>();
    private volatile boolean started;
    private Thread poller;
    private SignalsPort.Subscription queueSignals;

    public GenerationWorker(GenerationWorkQueuePort queue, GenerationJobReadModelPort jobs, GenerationPipeline pipeline,
                            SignalsPort signals, WorkerSettings settings) {
        this.queue = queue;
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.signals = signals;
        this.settings = settings;
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            queueSignals = signals.subscribe(GenerationSignals.QUEUE, message -> wake.release());
        } catch (RuntimeException unavailable) {
            log.log(System.Logger.Level.WARNING, "Generation worker polls only, signals are unavailable: " + unavailable);
        }
        poller = Thread.ofVirtual().name("generation-worker-" + settings.name()).start(this::poll);
    }

    /** Stops taking jobs and stops the runs in progress; their jobs are given back for another instance to resume. */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        if (queueSignals != null) {
            queueSignals.close();
        }
        running.values().forEach(control -> control.stop(RunControl.Stop.SHUTDOWN));
        wake.release();
        try {
            poller.join(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many jobs this instance is running now. */
    public int runningJobs() {
        return running.size();
    }

    private void poll() {
        while (started) {
            try {
                while (started && running.size() < settings.concurrency()) {
                    var claimed = queue.claimNext(settings.name(), settings.lease());
                    if (claimed.isEmpty()) {
                        break;
                    }
                    launch(claimed.get());
                }
            } catch (RuntimeException trouble) {
                log.log(System.Logger.Level.WARNING, "Generation worker could not look at the queue: " + trouble);
            }
            try {
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    private void launch(GenerationJobId job) {
        RunControl control = new RunControl();
        running.put(job, control);
        Thread.ofVirtual().name("generation-" + job).start(() -> work(job, control));
    }

    private void work(GenerationJobId job, RunControl control) {
        Supervisor supervisor = new Supervisor(job, control);
        try {
            pipeline.run(job, UUID.randomUUID(), control);
            giveBack(job, Duration.ZERO);
        } catch (RuntimeException trouble) {
            log.log(System.Logger.Level.WARNING, "Generation job " + job + " met unexpected trouble; it will be resumed", trouble);
            giveBack(job, settings.retryBackoff());
        } finally {
            supervisor.close();
            running.remove(job);
            wake.release();
        }
    }

    private void giveBack(GenerationJobId job, Duration after) {
        try {
            queue.releaseLease(job, settings.name(), after);
        } catch (RuntimeException unavailable) {
            log.log(System.Logger.Level.WARNING, "Could not release the lease of job " + job + "; it lapses on its own");
        }
    }

    /** Renews the lease while the run lasts and stops the run when the job is cancelled or the lease is lost. */
    private final class Supervisor implements AutoCloseable {

        private final GenerationJobId job;
        private final RunControl control;
        private final Semaphore news = new Semaphore(0);
        private final SignalsPort.Subscription subscription;
        private volatile boolean open = true;

        Supervisor(GenerationJobId job, RunControl control) {
            this.job = job;
            this.control = control;
            SignalsPort.Subscription subscribed = null;
            try {
                subscribed = signals.subscribe(GenerationSignals.job(job), message -> news.release());
            } catch (RuntimeException unavailable) {
                // polling alone notices a cancel a little later
            }
            this.subscription = subscribed;
            Thread.ofVirtual().name("generation-supervisor-" + job).start(this::watch);
        }

        private void watch() {
            long renewEvery = Math.max(1, settings.lease().toMillis() / 3);
            long nextRenewal = System.currentTimeMillis() + renewEvery;
            while (open) {
                try {
                    news.tryAcquire(Math.min(settings.pollInterval().toMillis(), renewEvery), TimeUnit.MILLISECONDS);
                    news.drainPermits();
                } catch (InterruptedException interrupted) {
                    return;
                }
                if (!open) {
                    return;
                }
                try {
                    if (System.currentTimeMillis() >= nextRenewal) {
                        if (!queue.renewLease(job, settings.name(), settings.lease())) {
                            control.stop(RunControl.Stop.LEASE_LOST);
                            return;
                        }
                        nextRenewal = System.currentTimeMillis() + renewEvery;
                    }
                    GenerationStatus status = jobs.job(job).map(GenerationJobView::status).orElse(GenerationStatus.RUNNING);
                    if (status == GenerationStatus.CANCELLED) {
                        control.stop(RunControl.Stop.CANCELLED);
                        return;
                    }
                } catch (RuntimeException trouble) {
                    log.log(System.Logger.Level.DEBUG, "Supervisor of job " + job + " will retry: " + trouble);
                }
            }
        }

        /** Wakes the supervisor rather than interrupting it: an interrupt would break a database call it is making. */
        @Override
        public void close() {
            open = false;
            news.release();
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
