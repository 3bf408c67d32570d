package io.ankirag.application.port.in.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.user.UserId;

public interface SyncTaskQuery {

    /** @throws io.ankirag.domain.error.DomainException {@code SYNC_006} when the owner has no such task */
    SyncTaskView task(UserId owner, SyncTaskId id);

    /** Newest first. */
    Page<SyncTaskView> tasks(UserId owner, PageRequest page);
}
