package io.ankirag.adapter.out.persistence.library;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.domain.deck.DeckEvent;
import io.ankirag.domain.deck.DeckEvent.DeckCreated;
import io.ankirag.domain.deck.DeckEvent.DeckDeleted;
import io.ankirag.domain.deck.DeckEvent.DeckDescribed;
import io.ankirag.domain.deck.DeckEvent.DeckMoved;
import io.ankirag.domain.deck.DeckEvent.DeckRenamed;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Keeps the {@code decks} table; every write is an idempotent upsert or overwrite, so replays are safe. */
@Component
@ProcessingGroup(LibraryProcessingGroup.NAME)
class DeckProjection {

    private final Jdbi jdbi;

    DeckProjection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @EventHandler
    void on(DeckEvent event) {
        switch (event) {
            case DeckCreated created -> jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO decks (id, owner_id, name, description, parent_id, created_at, updated_at)
                            VALUES (:id, :owner, :name, :description, :parent, :at, :at)
                            ON CONFLICT (id) DO UPDATE SET owner_id = :owner, name = :name, description = :description,
                                parent_id = :parent, created_at = :at, updated_at = :at, deleted_at = NULL
                            """)
                    .bind("id", created.deckId().value())
                    .bind("owner", created.ownerId().value())
                    .bind("name", created.name())
                    .bind("description", created.description())
                    .bind("parent", created.parentId() == null ? null : created.parentId().value())
                    .bind("at", utc(created.at()))
                    .execute());
            case DeckRenamed renamed -> update(event, "name = :name", "name", renamed.name(), String.class);
            case DeckDescribed described -> update(event, "description = :description", "description", described.description(), String.class);
            case DeckMoved moved -> update(event, "parent_id = :parent", "parent", moved.parentId() == null ? null : moved.parentId().value(), UUID.class);
            case DeckDeleted deleted -> update(event, "deleted_at = :at", null, null, Object.class);
        }
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE decks"));
    }

    private void update(DeckEvent event, String assignment, String name, Object value, Class<?> type) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate("UPDATE decks SET " + assignment + ", updated_at = :at WHERE id = :id")
                    .bind("at", utc(event.at()))
                    .bind("id", event.deckId().value());
            if (name != null) {
                update.bindByType(name, value, type);
            }
            update.execute();
        });
    }
}
