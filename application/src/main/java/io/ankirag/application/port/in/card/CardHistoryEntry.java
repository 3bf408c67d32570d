package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * One event of a card's life, for the audit trail.
 *
 * @param type         the event, e.g. {@code card_approved}
 * @param actor        who caused it ({@code null} when unknown)
 * @param statusBefore {@code null} for the creation
 * @param changes      what the event set (fields, tags, deck, error...), for display
 */
public record CardHistoryEntry(
        long sequence,
        String type,
        Instant at,
        UserId actor,
        CardStatus statusBefore,
        CardStatus statusAfter,
        String reason,
        Map<String, Object> changes) {
}
