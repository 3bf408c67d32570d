package io.ankirag.domain.card;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public sealed interface CardCommand extends AggregateCommand {

    CardId cardId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return cardId().value();
    }

    /**
     * @param schema    the fields of {@code templateId}, as the caller found them: the card is checked against them
     * @param ankiIds   Anki's note and card ids for an imported card, else {@code null}
     */
    record CreateCard(CardId cardId, UserId actor, DeckId deckId, TemplateId templateId, TemplateFields schema,
                      Map<String, String> fields, Tags tags, CardOrigin origin, AnkiIds ankiIds, Instant at)
            implements CardCommand {

        public CreateCard {
            fields = new LinkedHashMap<>(fields);
        }
    }

    /** {@code fields} or {@code tags} {@code null} leave them as they are; given fields replace all fields. */
    record EditCard(CardId cardId, UserId actor, TemplateFields schema, Map<String, String> fields, Tags tags, Instant at)
            implements CardCommand {

        public EditCard {
            fields = fields == null ? null : new LinkedHashMap<>(fields);
        }
    }

    /** The caller has checked that the target deck is the actor's. */
    record MoveCard(CardId cardId, UserId actor, DeckId deckId, Instant at) implements CardCommand {
    }

    record ApproveCard(CardId cardId, UserId actor, Instant at) implements CardCommand {
    }

    record RejectCard(CardId cardId, UserId actor, String reason, Instant at) implements CardCommand {
    }

    record RecordCardSynced(CardId cardId, UserId actor, AnkiIds ankiIds, Instant at) implements CardCommand {
    }

    record RecordSyncFailure(CardId cardId, UserId actor, String error, Instant at) implements CardCommand {
    }

    /**
     * Both the card and its Anki note changed since their last sync (issue 8); {@code resolution} says which side's
     * version was kept, for the card's history. The kept version itself arrives by its own command.
     */
    record RecordSyncConflict(CardId cardId, UserId actor, String resolution, Instant at) implements CardCommand {
    }

    record DeleteCard(CardId cardId, UserId actor, Instant at) implements CardCommand {
    }
}
