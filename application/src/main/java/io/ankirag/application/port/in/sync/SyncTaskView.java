package io.ankirag.application.port.in.sync;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A push or pull as its owner follows it (spec appendix D statuses).
 *
 * @param cards      the cards a push sends (empty for a pull)
 * @param cardsCount the cards a push sends, or the notes a pull found (known once it ran)
 * @param doneCount  how many of them have an outcome so far
 * @param results    per card, in the order they got their outcome
 * @param notBefore  when a deferred task is tried again
 */
public record SyncTaskView(SyncTaskId id, UserId owner, Kind kind, boolean viaAgent, Status status, List<CardId> cards,
                           int cardsCount,
                           int doneCount, int attempts, List<CardResult> results, ErrorCode errorCode,
                           String errorDetail, Instant notBefore, Instant createdAt, Instant startedAt,
                           Instant finishedAt) {

    public SyncTaskView {
        cards = List.copyOf(cards);
        results = List.copyOf(results);
    }

    public enum Kind { PUSH, PULL }

    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, DEFERRED }

    /**
     * @param outcome what happened to the card
     * @param error   why it failed, for {@code FAILED}; what the conflict was, for a pull's {@code CONFLICT_*}
     */
    public record CardResult(CardId cardId, Outcome outcome, Long ankiNoteId, String error) {
    }

    public enum Outcome {
        /** pushed as a new note */
        ADDED,
        /** pushed onto the note it already had */
        UPDATED,
        /** pulled: a new card from a note */
        CREATED,
        /** pulled: the card took the note's edits */
        PULLED,
        /** pulled: nothing changed on either side */
        UNCHANGED,
        /** pulled: both sides changed since the last sync; Anki's side won */
        CONFLICT_ANKI_WON,
        /** pulled: both sides changed since the last sync; ours won and stays to be pushed */
        CONFLICT_OURS_WON,
        FAILED
    }
}
