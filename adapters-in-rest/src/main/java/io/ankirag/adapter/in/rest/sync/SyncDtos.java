package io.ankirag.adapter.in.rest.sync;

import java.util.List;

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
}
