package io.ankirag.application.card;

import io.ankirag.application.port.in.card.CardHistoryEntry;
import io.ankirag.application.port.out.card.CardEventStreamPort.RecordedCardEvent;
import io.ankirag.domain.card.Card;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardDeleted;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardMoved;
import io.ankirag.domain.card.CardEvent.CardRejected;
import io.ankirag.domain.card.CardEvent.CardSyncConflictResolved;
import io.ankirag.domain.card.CardEvent.CardSyncFailed;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.card.CardStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a card's event stream into audit entries, each with the status before and after it. */
final class CardHistory {

    private CardHistory() {
    }

    static List<CardHistoryEntry> of(List<RecordedCardEvent> stream) {
        List<CardHistoryEntry> entries = new ArrayList<>();
        Card state = Card.initial();
        for (RecordedCardEvent recorded : stream) {
            CardStatus before = statusOf(state);
            state = state.evolve(recorded.event());
            CardEvent event = recorded.event();
            entries.add(new CardHistoryEntry(recorded.sequence(), typeOf(event), event.at(), recorded.actor(), before,
                    statusOf(state), event instanceof CardRejected rejected ? rejected.reason() : null, changesOf(event)));
        }
        return entries;
    }

    private static CardStatus statusOf(Card state) {
        return state instanceof Card.Active active ? active.status() : null;
    }

    /** {@code CardSyncFailed} becomes {@code card_sync_failed}. */
    private static String typeOf(CardEvent event) {
        return event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static Map<String, Object> changesOf(CardEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        switch (event) {
            case CardCreated created -> {
                changes.put("deck_id", created.deckId().toString());
                changes.put("template_id", created.templateId().toString());
                changes.put("fields", created.fields());
                changes.put("tags", created.tags());
                changes.put("origin", created.origin().name().toLowerCase());
            }
            case CardEdited edited -> {
                changes.put("fields", edited.fields());
                changes.put("tags", edited.tags());
            }
            case CardMoved moved -> {
                changes.put("from_deck_id", moved.fromDeckId().toString());
                changes.put("to_deck_id", moved.toDeckId().toString());
            }
            case CardSynced synced -> {
                if (synced.ankiIds() != null) {
                    changes.put("anki_note_id", synced.ankiIds().noteId());
                    changes.put("anki_card_id", synced.ankiIds().cardId());
                }
            }
            case CardSyncFailed failed -> {
                changes.put("sync_error", failed.error());
                changes.put("sync_attempts", failed.attempts());
            }
            case CardSyncConflictResolved conflict -> changes.put("resolution", conflict.resolution());
            case CardApproved approved -> { }
            case CardRejected rejected -> { }
            case CardDeleted deleted -> { }
        }
        return changes;
    }
}
