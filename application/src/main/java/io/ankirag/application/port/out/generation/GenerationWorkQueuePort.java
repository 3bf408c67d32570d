package io.ankirag.application.port.out.generation;

import io.ankirag.domain.generation.GenerationJobId;
import java.time.Duration;
import java.util.Optional;

/**
 * Who works on which generation job, shared by every application instance (database leases): a worker claims an
 * unfinished job no live worker holds, keeps its lease renewed while it works, and lets go when done. A worker
 * that dies stops renewing; once its lease lapses any instance takes the job over and resumes it.
 */
public interface GenerationWorkQueuePort {

    /**
     * Leases the oldest pending or running job whose lease has lapsed (or that never had one) to {@code worker} for
     * {@code lease}; several instances may ask at once and each job goes to one of them.
     */
    Optional<GenerationJobId> claimNext(String worker, Duration lease);

    /** @return false when {@code worker} no longer holds the job (its lease lapsed and another took it) */
    boolean renewLease(GenerationJobId job, String worker, Duration lease);

    /** Gives the job up; any worker may claim it after {@code availableAfter} (zero for at once) if it is unfinished. */
    void releaseLease(GenerationJobId job, String worker, Duration availableAfter);
}
