package io.ankirag.application.port.in.work;

/**
 * What a worker thread of any instance does with a durable queue of jobs (imports, syncs). A worker holds a job by a lease that it
 * renews while it runs; a job whose lease runs out (its instance died) is taken up by another worker.
 */
public interface RunQueuedWorkUseCase {

    /**
     * Claims the oldest job that is waiting (or whose worker disappeared) and runs it to its end: completed, failed
     * for good, or put back to be tried again later.
     *
     * @param worker names the claiming worker, unique among all instances
     * @return whether there was a job to run
     * @throws RuntimeException what made the attempt fail unexpectedly, for the caller to log, once the job has been
     *                          put back for a later attempt or, after the last, failed
     */
    boolean runNextJob(String worker);

    /**
     * Renews the lease on the job {@code worker} is running; call it, from another thread, well within the lease
     * while {@link #runNextJob} runs, and not after: a job whose attempt ended without a verdict must be let go.
     */
    void keepAlive(String worker);

    /** How often {@link #keepAlive} must be called while a job runs. */
    java.time.Duration keepAliveInterval();
}
