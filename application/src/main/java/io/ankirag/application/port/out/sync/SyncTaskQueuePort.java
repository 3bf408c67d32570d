package io.ankirag.application.port.out.sync;

import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.application.port.in.sync.SyncTaskView.Kind;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of syncs with Anki, shared by every instance, claimed like the import queue: one worker at a
 * time holds a task by a lease; a deferred task waits until its due time, across restarts.
 */
public interface SyncTaskQueuePort {

    /**
     * @param pullSince a pull's lower bound on Anki's modification time, or {@code null} for every note
     */
    record NewSyncTask(SyncTaskId id, UserId owner, Kind kind, boolean viaAgent, List<CardId> cards, String pullDeck,
                       Instant pullSince, Instant createdAt) {
    }

    /**
     * @param attempts starts so far, this one included
     * @param done     the cards an earlier attempt already gave an outcome
     */
    record ClaimedSyncTask(SyncTaskId id, UserId owner, Kind kind, List<CardId> cards, String pullDeck,
                           Instant pullSince, int attempts, List<CardId> done) {
    }

    void enqueue(NewSyncTask task);

    /**
     * Claims the oldest due task for {@code worker} until {@code lease} from now: a server task when {@code agentOf}
     * is {@code null}, else one of that user's agent tasks.
     */
    Optional<ClaimedSyncTask> claimNext(String worker, Duration lease, UserId agentOf);

    /** @return whether {@code worker} still holds a task */
    boolean renewLease(String worker, Duration lease);

    /** Adds outcomes to the task's results as they come. */
    void progressed(SyncTaskId task, int cardsCount, List<CardResult> newResults);

    void completed(SyncTaskId task);

    /** Puts the task back as deferred, due again {@code after} from now, with why this attempt failed. */
    void deferred(SyncTaskId task, Duration after, ErrorCode code, String detail);

    void failed(SyncTaskId task, ErrorCode code, String detail);

    /** When the owner's last completed pull started, if any: the next "since last pull" starts there. */
    Optional<Instant> lastPullOf(UserId owner);
}
