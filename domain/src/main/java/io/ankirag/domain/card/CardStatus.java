package io.ankirag.domain.card;

import java.util.Set;

/**
 * Spec 4.3: {@code draft → approved → synced}, {@code draft/approved → rejected},
 * {@code approved → sync_failed → synced} on a successful retry ({@code sync_failed → sync_failed} when the
 * retry fails too). Nothing else, but for a synced card pushed again (issue 8: its note in Anki is updated):
 * {@code synced → synced}, or {@code synced → sync_failed} when the update fails.
 */
public enum CardStatus {
    DRAFT,
    APPROVED,
    REJECTED,
    SYNCED,
    SYNC_FAILED;

    public Set<CardStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(REJECTED, SYNCED, SYNC_FAILED);
            case SYNC_FAILED, SYNCED -> Set.of(SYNCED, SYNC_FAILED);
            case REJECTED -> Set.of();
        };
    }

    public boolean canBecome(CardStatus target) {
        return next().contains(target);
    }
}
