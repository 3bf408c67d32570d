package io.ankirag.application.port.in.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.user.UserId;

/** The caller's import jobs; other users' jobs do not exist as far as these answers go. */
public interface ImportJobQuery {

    /** @throws io.ankirag.domain.error.DomainException {@code REQ_004} when the owner has no such job */
    ImportJobView job(UserId owner, ImportJobId id);

    /** Newest first, without the note-by-note reports. */
    Page<ImportJobView> jobs(UserId owner, PageRequest page);
}
