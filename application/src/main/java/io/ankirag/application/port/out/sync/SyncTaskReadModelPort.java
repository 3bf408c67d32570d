package io.ankirag.application.port.out.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.domain.user.UserId;
import java.util.Optional;

public interface SyncTaskReadModelPort {

    Optional<SyncTaskView> taskOf(UserId owner, SyncTaskId id);

    /** Newest first; results left out. */
    Page<SyncTaskView> taskPage(UserId owner, PageRequest page);
}
