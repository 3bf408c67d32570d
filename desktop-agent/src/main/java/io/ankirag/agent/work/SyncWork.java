package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.domain.card.CardId;
import java.util.List;
import java.util.Optional;

/**
 * A push the server planned for this user's Anki, or a pull it asks of it, that the agent claimed
 * ({@code POST /api/sync/agent/claim}).
 *
 * @param attempt starts of the task so far, this one included
 * @param plan    a push's plan (empty for a pull)
 * @param pull    what a pull reads; {@code null} for a push
 */
public record SyncWork(String taskId, int attempt, PushPlan plan, PullPlan pull) {

    /** A push. */
    public SyncWork(String taskId, int attempt, PushPlan plan) {
        this(taskId, attempt, plan, null);
    }

    /** A pull. */
    public static SyncWork pull(String taskId, int attempt, PullPlan pull) {
        return new SyncWork(taskId, attempt, new PushPlan(List.of(), List.of(), List.of(), List.of()), pull);
    }

    public boolean isPull() {
        return pull != null;
    }

    public String kind() {
        return isPull() ? "pull" : "push";
    }

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
