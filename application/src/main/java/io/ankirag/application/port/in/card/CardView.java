package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record CardView(
        CardId id,
        UserId ownerId,
        DeckId deckId,
        TemplateId templateId,
        Map<String, String> fields,
        List<String> tags,
        CardStatus status,
        CardOrigin origin,
        Long ankiNoteId,
        Long ankiCardId,
        String ankiGuid,
        Long ankiNoteTypeId,
        String syncError,
        int syncAttempts,
        String rejectionReason,
        UserId createdBy,
        UserId updatedBy,
        Instant createdAt,
        Instant updatedAt,
        /* when it last matched its Anki note; null when never synced */
        Instant syncedAt) {
}
