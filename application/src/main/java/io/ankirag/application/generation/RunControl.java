package io.ankirag.application.generation;

/**
 * How a worker stops a run from outside: the run checks {@link #stopped()} between steps, and a model stream in
 * progress is interrupted so that a silent model cannot hold it.
 */
public final class RunControl {

    /** Why a run was stopped before it finished the job. */
    public enum Stop {
        /** the learner cancelled the job */
        CANCELLED,
        /** another worker holds the job now */
        LEASE_LOST,
        /** this instance is shutting down; another one resumes the job */
        SHUTDOWN
    }

    /** Thrown inside a run to unwind it once it was stopped. */
    static final class Stopped extends RuntimeException {

        Stopped(Stop reason) {
            super(reason.name(), null, false, false);
        }
    }

    private volatile Stop stop;
    private Thread streaming;

    public void stop(Stop reason) {
        synchronized (this) {
            if (stop != null) {
                return;
            }
            stop = reason;
            if (streaming != null) {
                streaming.interrupt();
            }
        }
    }

    public Stop stopReason() {
        return stop;
    }

    boolean stopped() {
        return stop != null;
    }

    void throwIfStopped() {
        Stop reason = stop;
        if (reason != null) {
            throw new Stopped(reason);
        }
    }

    /** From now until {@link #endStreaming()}, a stop interrupts the calling thread. */
    synchronized void beginStreaming() {
        streaming = Thread.currentThread();
    }

    /** Clears any interrupt a stop left, so that what follows (database work) runs undisturbed. */
    void endStreaming() {
        synchronized (this) {
            streaming = null;
        }
        Thread.interrupted();
    }
}
