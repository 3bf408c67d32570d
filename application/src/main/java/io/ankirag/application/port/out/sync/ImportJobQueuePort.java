package io.ankirag.application.port.out.sync;

import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable queue of background imports, shared by every instance. A job is claimed by one worker at a time
 * with a lease; whoever's lease runs out loses the job to the next claim.
 */
public interface ImportJobQueuePort {

    record NewImportJob(ImportJobId id, UserId owner, String fileName, long fileSize, ImportOptions options,
                        Instant createdAt) {
    }

    /**
     * A job as its worker gets it.
     *
     * @param attempts       starts so far, this one included
     * @param recordedReport the report an earlier attempt stored together with the import, whose worker
     *                       disappeared before it could say so; {@code null} when no attempt got that far
     */
    record ClaimedImportJob(ImportJobId id, UserId owner, ImportOptions options, int attempts,
                            ImportReport recordedReport) {
    }

    void enqueue(NewImportJob job);

    /**
     * Claims the oldest job that waits and is due, or that runs under an expired lease, for {@code worker} until
     * {@code lease} from now, counting the attempt. Two workers never claim the same job.
     */
    Optional<ClaimedImportJob> claimNext(String worker, Duration lease);

    /**
     * Renews the lease of the job {@code worker} runs (a worker runs one at a time).
     *
     * @return whether {@code worker} still holds a job (it may have lost it after its lease ran out)
     */
    boolean renewLease(String worker, Duration lease);

    /**
     * Stores the report with the job, as part of the caller's transaction: called inside the unit that stores the
     * import, so that the report exists exactly when the import does.
     *
     * @throws IllegalStateException when {@code worker} no longer holds the job: the unit must not commit, since
     *                               another worker runs the import now
     */
    void recordReport(ImportJobId job, String worker, ImportReport report);

    /** Puts the job back, to be claimed again no earlier than {@code after} from now, with why this attempt failed. */
    void retryLater(ImportJobId job, String worker, Duration after, ErrorCode code, String detail);
}
