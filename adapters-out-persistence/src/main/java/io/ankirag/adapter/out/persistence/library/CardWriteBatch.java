package io.ankirag.adapter.out.persistence.library;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The writes of one batch of card events, gathered and sent as JDBC batches when Axon's unit of work prepares
 * to commit, inside the same transaction as the tracking token. New cards go in as one batched insert, edits
 * (an import with overwrite edits thousands) as one batched update, and each deck's count changes once per batch: updating one row hundreds of times in a transaction makes
 * PostgreSQL walk an ever longer chain of row versions, which made replays slow down as they went.
 */
final class CardWriteBatch {

    private static final String INSERT = """
            INSERT INTO cards (id, owner_id, deck_id, template_id, fields, tags, tags_lower, search_text, status, origin,
                               anki_note_id, anki_card_id, anki_guid, anki_note_type_id, created_by, updated_by, created_at,
                               updated_at, synced_at)
            VALUES (?, ?, ?, ?, CAST(? AS json), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String EDIT = """
            UPDATE cards SET fields = CAST(:fields AS json), tags = :tags, tags_lower = :tagsLower,
                search_text = :search, updated_at = :at, updated_by = :by WHERE id = :id
            """;

    private record NewCard(CardCreated event, UUID by) {
    }

    private record Edit(CardEdited event, UUID by) {
    }

    private record Synced(CardSynced event, UUID by) {
    }

    private static final String SYNCED = """
            UPDATE cards SET status = 'synced', sync_error = NULL,
                anki_note_id = COALESCE(:note, anki_note_id), anki_card_id = COALESCE(:card, anki_card_id),
                anki_guid = COALESCE(:guid, anki_guid), anki_note_type_id = COALESCE(:noteType, anki_note_type_id),
                updated_at = :at, synced_at = :at, updated_by = :by WHERE id = :id
            """;

    private final Jdbi jdbi;
    private final List<NewCard> inserts = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    /** Written after the inserts and edits gathered before them; an insert or edit after one writes them first. */
    private final List<Synced> syncs = new ArrayList<>();
    private final Map<UUID, Long> countDeltas = new LinkedHashMap<>();

    private CardWriteBatch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The batch of the unit of work in progress; outside one (never in Axon's processors), a batch of one event. */
    static CardWriteBatch current(Jdbi jdbi) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new CardWriteBatch(jdbi);
        }
        var root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(CardWriteBatch.class.getName(), key -> {
            CardWriteBatch batch = new CardWriteBatch(jdbi);
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    void insert(CardCreated created, UUID by) {
        flushSyncs();
        inserts.add(new NewCard(created, by));
        countDeltas.merge(created.deckId().value(), 1L, Long::sum);
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    /** An edit, written after the inserts gathered before it (an import may create and edit a card in one batch). */
    void edit(CardEdited edited, UUID by) {
        flushSyncs();
        edits.add(new Edit(edited, by));
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    /** A push records thousands of these at once (issue 8): one JDBC batch instead of one statement each. */
    void synced(CardSynced synced, UUID by) {
        if (!inserts.isEmpty() || !edits.isEmpty()) {
            flushInsertsAndEdits();
        }
        syncs.add(new Synced(synced, by));
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    void count(DeckId deck, long delta) {
        countDeltas.merge(deck.value(), delta, Long::sum);
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    /**
     * Writes the pending inserts and edits, in that order; call before any other change of a card that may have
     * been created or edited in this batch.
     */
    void flushPending() {
        flushInsertsAndEdits();
        flushSyncs();
    }

    private void flushSyncs() {
        if (syncs.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(SYNCED);
            for (Synced each : syncs) {
                CardSynced synced = each.event();
                AnkiIds ids = synced.ankiIds();
                batch.bindByType("note", ids == null ? null : ids.noteId(), Long.class)
                        .bindByType("card", ids == null ? null : ids.cardId(), Long.class)
                        .bindByType("guid", ids == null ? null : ids.guid(), String.class)
                        .bindByType("noteType", ids == null ? null : ids.noteTypeId(), Long.class)
                        .bind("at", utc(synced.at()))
                        .bindByType("by", each.by(), UUID.class)
                        .bind("id", synced.cardId().value())
                        .add();
            }
            batch.execute();
        });
        syncs.clear();
    }

    private void flushInsertsAndEdits() {
        flushInserts();
        if (edits.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(EDIT);
            for (Edit edit : edits) {
                CardEdited edited = edit.event();
                batch.bind("fields", CardProjection.json(edited.fields()))
                        .bindArray("tags", String.class, edited.tags())
                        .bindArray("tagsLower", String.class, CardProjection.lower(edited.tags()))
                        .bind("search", CardProjection.searchText(edited.fields()))
                        .bind("at", utc(edited.at()))
                        .bind("by", edit.by())
                        .bind("id", edited.cardId().value())
                        .add();
            }
            batch.execute();
        });
        edits.clear();
    }

    private void flushInserts() {
        if (inserts.isEmpty()) {
            return;
        }
        // Plain JDBC with positional parameters: Jdbi's named binding cost a sixth of the projection's time on a
        // 20,000-card import.
        jdbi.useHandle(h -> {
            Connection connection = h.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewCard card : inserts) {
                    CardCreated created = card.event();
                    AnkiIds anki = created.ankiIds();
                    OffsetDateTime at = utc(created.at());
                    insert.setObject(1, created.cardId().value());
                    insert.setObject(2, created.ownerId().value());
                    insert.setObject(3, created.deckId().value());
                    insert.setObject(4, created.templateId().value());
                    insert.setString(5, CardProjection.json(created.fields()));
                    insert.setArray(6, connection.createArrayOf("text", created.tags().toArray()));
                    insert.setArray(7, connection.createArrayOf("text", CardProjection.lower(created.tags()).toArray()));
                    insert.setString(8, CardProjection.searchText(created.fields()));
                    insert.setString(9, created.status().name().toLowerCase(Locale.ROOT));
                    insert.setString(10, created.origin().name().toLowerCase(Locale.ROOT));
                    insert.setObject(11, anki == null ? null : anki.noteId(), Types.BIGINT);
                    insert.setObject(12, anki == null ? null : anki.cardId(), Types.BIGINT);
                    insert.setString(13, anki == null ? null : anki.guid());
                    insert.setObject(14, anki == null ? null : anki.noteTypeId(), Types.BIGINT);
                    insert.setObject(15, card.by());
                    insert.setObject(16, card.by());
                    insert.setObject(17, at);
                    insert.setObject(18, at);
                    insert.setObject(19, created.status() == CardStatus.SYNCED ? at : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        });
        inserts.clear();
    }

    void flush() {
        flushPending();
        if (countDeltas.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE decks SET cards_count = cards_count + :delta WHERE id = :deck");
            countDeltas.forEach((deck, delta) -> batch.bind("deck", deck).bind("delta", delta).add());
            batch.execute();
        });
        countDeltas.clear();
    }
}
