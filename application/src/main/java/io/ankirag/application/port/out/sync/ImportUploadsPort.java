package io.ankirag.application.port.out.sync;

import io.ankirag.application.port.in.sync.ImportJobId;
import java.nio.file.Path;

/** Uploaded packages waiting for their background import, where a worker of any instance finds them. */
public interface ImportUploadsPort {

    /**
     * Takes {@code upload} over (moves or copies it) as the package of {@code job}.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_001} when it cannot be kept
     */
    void keep(ImportJobId job, Path upload);

    /**
     * The kept package of {@code job}, to read while the job runs.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_001} when it is gone
     */
    Path fileOf(ImportJobId job);

    /** Deletes the kept package once its job is over; nothing happens when there is none. */
    void discard(ImportJobId job);
}
