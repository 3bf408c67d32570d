package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The desktop agent's side of a push queued with {@code via_agent} (issue 8): for a user whose Anki the server cannot
 * reach, the agent on their computer claims the task; a push's plan it carries out against the local AnkiConnect with the
 * same {@code PushExecutor} the server uses, and reports the results batch by batch; a pull it reads with the same {@code PullReader} and uploads batch by batch for the server to apply; then it ends the attempt. The server's own
 * workers never claim such a task. A task whose agent goes quiet for longer than the lease is claimable again.
 */
public interface RunSyncOnAgentUseCase {

    /**
     * A claimed task: a push with its plan, or a pull with what to read.
     *
     * @param attempt starts of the task so far, this one included
     * @param plan    a push's plan; {@code null} for a pull
     * @param pull    what a pull reads; {@code null} for a push
     */
    record AgentWork(SyncTaskId taskId, int attempt, PushPlan plan, PullPlan pull) {

        public static AgentWork push(SyncTaskId taskId, int attempt, PushPlan plan) {
            return new AgentWork(taskId, attempt, plan, null);
        }

        public static AgentWork pull(SyncTaskId taskId, int attempt, PullPlan pull) {
            return new AgentWork(taskId, attempt, null, pull);
        }
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
     * Applies a batch of notes the agent read for a pull exactly as the server's own pull applies what it reads: a
     * note a card has updates it (conflicts by the policy, in the card's history), a new note becomes a card through
     * the import's mapping with the details and media uploaded alongside. Renews the agent's lease. Notes a result of
     * this task names already (an upload sent again) are skipped.
     *
     * @param total the notes the whole pull read, for the task's count
     * @return what happened to each note of the batch
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_006} unless it is a running agent pull of the
     *                                                 owner; {@code REQ_002} for a batch over the size limit
     */
    List<CardResult> applyPulled(UserId owner, SyncTaskId task, int total, PulledNotes pulled);

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
