package io.ankirag.application.sync;

import java.time.Duration;
import java.util.List;

/**
 * How syncs with Anki run.
 *
 * @param retryDelays    the waits before each retry of a task Anki could not be reached for (spec 6.4: 1, 5 and 15
 *                       minutes); after the last, the task fails and its cards become sync_failed
 * @param lease          how long a worker holds a task unless it renews the lease
 * @param batchSize      notes recorded per batch (progress and results come per batch)
 * @param maxCards       the most cards one push may name
 * @param conflictPolicy which side wins when a card and its Anki note both changed since their last sync
 */
public record SyncSettings(List<Duration> retryDelays, Duration lease, int batchSize, int maxCards,
                           ConflictPolicy conflictPolicy) {

    public SyncSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    public enum ConflictPolicy {
        /** the side changed last */
        NEWEST,
        /** always Anki's note */
        ANKI,
        /** always the card here (it is then pushed again to bring Anki in line) */
        SERVER
    }
}
