package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The desktop agent's side of a push queued with {@code via_agent} (issue 8): for a user whose Anki the server cannot
 * reach, the agent on their computer claims the task, carries out its plan against the local AnkiConnect with the
 * same {@code PushExecutor} the server uses, and reports the results batch by batch, then the end. The server's own
 * workers never claim such a task. A task whose agent goes quiet for longer than the lease is claimable again.
 */
public interface RunSyncOnAgentUseCase {

    /** @param attempt starts of the task so far, this one included */
    record AgentWork(SyncTaskId taskId, int attempt, PushPlan plan) {
    }

    /** Claims the owner's oldest due agent task, if any, with its plan. */
    Optional<AgentWork> claim(UserId owner);

    /**
     * Records a batch of results on the cards and in the task, and renews the agent's lease.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_006} unless it is a running agent task of the owner
     */
    void report(UserId owner, SyncTaskId task, List<NoteResult> results);

    /**
     * Ends the attempt: completed when {@code failure} is {@code null}; with {@code SYNC_001} (the local Anki was
     * not reachable) deferred like the server's own retries; with any other code, failed.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_006} unless it is a running agent task of the owner
     */
    void finish(UserId owner, SyncTaskId task, ErrorCode failure, String detail);

    /**
     * A media file of the owner's that a plan names, for the agent to hand to its Anki.
     *
     * @throws io.ankirag.domain.error.DomainException {@code REQ_004} when there is no such file
     */
    byte[] media(UserId owner, String name);
}
