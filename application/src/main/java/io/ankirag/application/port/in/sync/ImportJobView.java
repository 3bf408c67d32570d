package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/**
 * A background import as its owner sees it.
 *
 * @param outcome    the counts of the report, once completed; {@code null} before
 * @param report     the whole report, note by note, once completed; {@code null} before, and in lists
 * @param errorCode  why it failed, or why its last attempt did while it waits for another; {@code null} otherwise
 * @param attempts   how many times a worker has started it
 * @param startedAt  when a worker first started it; {@code null} while it waits for the first
 * @param finishedAt when it completed or failed for good
 */
public record ImportJobView(ImportJobId id, UserId owner, String fileName, long fileSize, Status status,
                            ImportProgress progress, int attempts, Outcome outcome, ImportReport report,
                            ErrorCode errorCode, String errorDetail, Instant createdAt, Instant startedAt,
                            Instant finishedAt) {

    public enum Status {
        /** Waiting for a worker: new, or to be tried again after a worker failed or disappeared. */
        PENDING,
        RUNNING,
        COMPLETED,
        /** For good: the package was refused, or every attempt failed; nothing of it was kept. */
        FAILED
    }

    /** What a completed import did, in numbers. */
    public record Outcome(int imported, int updated, int skipped, int failed, int createdDecks, int createdTemplates,
                          int media) {

        public static Outcome of(ImportReport report) {
            return new Outcome(report.importedNotes(), report.updated(), report.skipped().size(), report.failed().size(),
                    report.createdDecks(), report.createdTemplates(), report.media());
        }
    }
}
