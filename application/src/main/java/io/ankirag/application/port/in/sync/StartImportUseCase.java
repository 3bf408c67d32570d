package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.domain.user.UserId;
import java.nio.file.Path;

/**
 * Imports an uploaded package: a small one at once, a large one as a background job that any instance may run,
 * which survives the instance that accepted it.
 */
public interface StartImportUseCase {

    /** How the import went on. */
    sealed interface Started {
    }

    /** Imported at once. */
    record Finished(ImportReport report) implements Started {
    }

    /** Queued as a job; its progress and, in the end, its report are read with {@link ImportJobQuery}. */
    record Queued(ImportJobView job) implements Started {
    }

    /**
     * Imports {@code upload}, or takes it over for a job: the caller deletes the file afterwards if it is still
     * there. The options are checked before anything is queued.
     *
     * @param fileName the name the upload came with, to show in the job
     * @throws io.ankirag.domain.error.DomainException as {@link ImportAnkiPackageUseCase#importPackage}; a large upload
     *                                                 that cannot be a package is refused with {@code SYNC_002}
     *                                                 before it is queued
     */
    Started start(UserId owner, Path upload, String fileName, ImportOptions options);
}
