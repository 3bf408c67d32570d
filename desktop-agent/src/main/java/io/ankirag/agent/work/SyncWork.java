package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.domain.card.CardId;
import java.util.Optional;

/**
 * A push the server planned for this user's Anki and the agent claimed ({@code POST /api/sync/agent/claim}).
 *
 * @param attempt starts of the task so far, this one included
 */
public record SyncWork(String taskId, int attempt, PushPlan plan) {

    /** A few words that name a card in the window and the log: its note's first field, without markup. */
    public String describe(CardId card) {
        Optional<PlannedNote> note = plan.notes().stream().filter(n -> n.cardId().equals(card)).findFirst();
        String first = note.flatMap(n -> n.fields().values().stream().findFirst()).orElse("")
                .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (first.length() > 40) {
            first = first.substring(0, 37) + "...";
        }
        // The id's end: card ids are UUIDv7, whose first digits are a timestamp shared by cards made together.
        String id = card.value().toString();
        return first.isEmpty() ? "card " + id : "\"" + first + "\" (card " + id.substring(id.length() - 8) + ")";
    }
}
