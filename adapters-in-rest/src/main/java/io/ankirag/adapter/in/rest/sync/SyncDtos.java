package io.ankirag.adapter.in.rest.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class SyncDtos {

    private SyncDtos() {
    }

    record SkippedNoteResponse(long noteId, String reason) {
    }

    record FailedNoteResponse(long noteId, String code, String detail) {
    }

    /** Spec 5.6 names the count {@code imported_count}; the rest says what else the import did and did not do. */
    record ImportResponse(int importedCount, int updatedCount, int skippedCount, int failedCount, int createdDecks,
                          int createdTemplates, int mediaFiles, List<SkippedNoteResponse> skipped,
                          List<FailedNoteResponse> failed) {
    }

    /** The 202 answer for a package imported in the background; shaped like spec 5.4's generation job. */
    record ImportJobAccepted(UUID jobId, String status, String message) {
    }

    /**
     * How far an import job has got.
     *
     * @param percent 0 to 100, across all phases
     */
    record ProgressResponse(String phase, int notesDone, int notesTotal, int mediaDone, int mediaTotal, int percent) {
    }

    record ErrorResponse(String code, String detail) {
    }

    /**
     * An import job. {@code result} is the answer an inline import gives (with the note-by-note lists only when one
     * job is asked for); {@code error} says why it failed, or, while it waits to be tried again, why its last
     * attempt did.
     */
    record ImportJobResponse(UUID id, String status, String fileName, long fileSize, ProgressResponse progress,
                             int attempts, ImportResponse result, ErrorResponse error, Instant createdAt,
                             Instant startedAt, Instant finishedAt) {
    }
}
