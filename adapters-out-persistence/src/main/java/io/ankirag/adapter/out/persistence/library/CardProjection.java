package io.ankirag.adapter.out.persistence.library;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Keeps the {@code cards} table and each deck's {@code cards_count}, in the same transaction as the token; see {@link CardWriteBatch}. */
@Component
@ProcessingGroup(LibraryProcessingGroup.NAME)
class CardProjection {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    CardProjection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @EventHandler
    void on(CardEvent event, @MetaDataValue("actor") String actor) {
        UUID by = actor == null ? null : UUID.fromString(actor);
        CardWriteBatch batch = CardWriteBatch.current(jdbi);
        if (event instanceof CardCreated created) {
            batch.insert(created, by);
            return;
        }
        if (event instanceof CardEdited edited) {
            batch.edit(edited, by);
            return;
        }
        if (event instanceof CardSynced synced) {
            batch.synced(synced, by);
            return;
        }
        batch.flushPending();
        jdbi.useHandle(h -> {
            switch (event) {
                case CardCreated created -> throw new IllegalStateException("handled above");
                case CardEdited edited -> throw new IllegalStateException("handled above");
                case CardMoved moved -> {
                    touch(h, event, by, "deck_id = :deck", "deck", moved.toDeckId().value());
                    batch.count(moved.fromDeckId(), -1);
                    batch.count(moved.toDeckId(), +1);
                }
                case CardApproved approved -> touch(h, event, by, "status = 'approved'", null, null);
                case CardRejected rejected -> touch(h, event, by, "status = 'rejected', rejection_reason = :reason",
                        "reason", rejected.reason());
                case CardSynced synced -> throw new IllegalStateException("handled above");
                case CardSyncFailed failed -> h.createUpdate("""
                                UPDATE cards SET status = 'sync_failed', sync_error = :error, sync_attempts = :attempts,
                                    updated_at = :at, updated_by = :by WHERE id = :id
                                """)
                        .bind("error", failed.error())
                        .bind("attempts", failed.attempts())
                        .bind("at", utc(failed.at()))
                        .bind("by", by)
                        .bind("id", failed.cardId().value())
                        .execute();
                case CardSyncConflictResolved conflict -> { } // history only: the kept version comes by its own event
                case CardDeleted deleted -> {
                    touch(h, event, by, "deleted_at = :at", null, null);
                    batch.count(deleted.deckId(), -1);
                }
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE cards"));
    }

    private static void touch(Handle h, CardEvent event, UUID by, String assignment, String name, Object value) {
        var update = h.createUpdate("UPDATE cards SET " + assignment + ", updated_at = :at, updated_by = :by WHERE id = :id")
                .bind("at", utc(event.at()))
                .bind("by", by)
                .bind("id", event.cardId().value());
        if (name != null) {
            update.bindByType(name, value, value == null ? String.class : value.getClass());
        }
        update.execute();
    }

    /** What text search looks in: every field with its HTML removed, lower-cased. */
    static String searchText(Map<String, String> fields) {
        return TAG.matcher(String.join(" \n ", fields.values())).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    static List<String> lower(List<String> tags) {
        return tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList();
    }

    static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields are plain strings and always serialise", e);
        }
    }
}
