package io.ankirag.application.port.out.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.domain.user.UserId;
import java.util.Optional;

/** Reads import jobs, always within one owner's. */
public interface ImportJobReadModelPort {

    /** With the whole report once completed. */
    Optional<ImportJobView> jobOf(UserId owner, ImportJobId job);

    /** Newest first; the views carry the outcome's counts but not the report. */
    Page<ImportJobView> jobPage(UserId owner, PageRequest page);
}
