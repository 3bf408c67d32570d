package io.ankirag.application.port.out.sync;

import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.domain.error.ErrorCode;

/**
 * Where a background import says how it goes: its owner reads it (the job endpoint now, an SSE stream later).
 * Each call is visible to readers of any instance as soon as it returns.
 */
public interface ImportProgressPort {

    void progressed(ImportJobId job, ImportProgress progress);

    /** The job is done, with its report; nothing more happens to it. */
    void completed(ImportJobId job, ImportReport report);

    /** The job failed for good; nothing of the import was kept. */
    void failed(ImportJobId job, ErrorCode code, String detail);
}
