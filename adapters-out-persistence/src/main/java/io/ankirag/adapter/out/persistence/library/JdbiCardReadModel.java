package io.ankirag.adapter.out.persistence.library;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;
import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.adapter.out.persistence.jdbc.LikePatterns;
import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardFilter.CardSort;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

/**
 * Card queries with keyset pagination: the cursor is the last row's sort key and id, so every slice is an
 * index range scan however deep the listing goes.
 */
@Component
class JdbiCardReadModel implements CardReadModelPort {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, owner_id, deck_id, template_id, fields, tags, status, origin, anki_note_id, anki_card_id, anki_guid,
            anki_note_type_id, sync_error, sync_attempts, rejection_reason, created_by, updated_by, created_at, updated_at,
            synced_at""";

    private final Jdbi jdbi;

    JdbiCardReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CardView> cardOf(UserId owner, CardId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM cards WHERE id = :id AND owner_id = :owner AND deleted_at IS NULL")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(JdbiCardReadModel::toView)
                .findOne());
    }

    @Override
    public List<CardView> cardsOf(UserId owner, List<CardId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<CardId, CardView> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM cards WHERE id = ANY(:ids) AND owner_id = :owner AND deleted_at IS NULL")
                .bindArray("ids", UUID.class, ids.stream().map(CardId::value).toList())
                .bind("owner", owner.value())
                .map(JdbiCardReadModel::toView)
                .forEach(card -> found.put(card.id(), card)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<CardId> cardIdsIn(UserId owner, DeckId deck) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM cards WHERE owner_id = :owner AND deck_id = :deck AND deleted_at IS NULL")
                .bind("owner", owner.value())
                .bind("deck", deck.value())
                .map((rs, ctx) -> new CardId(rs.getObject("id", UUID.class)))
                .list());
    }

    @Override
    public List<CardView> cardsOfAnkiNotes(UserId owner, List<Long> ankiNoteIds) {
        if (ankiNoteIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM cards WHERE owner_id = :owner AND anki_note_id = ANY(:notes) AND deleted_at IS NULL")
                .bind("owner", owner.value())
                .bindArray("notes", Long.class, ankiNoteIds)
                .map(JdbiCardReadModel::toView)
                .list());
    }

    @Override
    public CardSlice cardSlice(UserId owner, CardFilter filter, List<DeckId> decks, String cursor, int limit) {
        SortKey sort = SortKey.of(filter.sort());
        Cursor after = cursor == null ? null : Cursor.decode(cursor, filter.sort());
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM cards WHERE owner_id = :owner AND deleted_at IS NULL");
        if (decks != null) {
            sql.append(" AND deck_id = ANY(:decks)");
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
        }
        if (filter.tag() != null) {
            sql.append(" AND tags_lower @> ARRAY[:tag]::text[]");
        }
        if (filter.text() != null) {
            sql.append(" AND search_text LIKE :text ESCAPE '\\'");
        }
        if (after != null) {
            sql.append(" AND (").append(sort.column).append(", id) ").append(sort.descending ? "<" : ">").append(" (:afterAt, :afterId)");
        }
        String direction = sort.descending ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(sort.column).append(direction).append(", id").append(direction).append(" LIMIT :limit");
        List<CardView> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("owner", owner.value())
                    .bind("limit", limit + 1);
            if (decks != null) {
                query.bindArray("decks", UUID.class, decks.stream().map(DeckId::value).toList());
            }
            if (filter.status() != null) {
                query.bind("status", filter.status().name().toLowerCase(Locale.ROOT));
            }
            if (filter.tag() != null) {
                query.bind("tag", filter.tag().toLowerCase(Locale.ROOT));
            }
            if (filter.text() != null) {
                query.bind("text", LikePatterns.containing(filter.text()));
            }
            if (after != null) {
                query.bind("afterAt", utc(after.at())).bind("afterId", after.id());
            }
            return query.map(JdbiCardReadModel::toView).list();
        });
        if (rows.size() <= limit) {
            return new CardSlice(rows, null);
        }
        List<CardView> page = rows.subList(0, limit);
        CardView last = page.getLast();
        Instant key = filter.sort() == CardSort.RECENTLY_UPDATED ? last.updatedAt() : last.createdAt();
        return new CardSlice(page, new Cursor(key, last.id().value()).encode(filter.sort()));
    }

    private enum SortKey {
        CREATED_DESC("created_at", true), CREATED_ASC("created_at", false), UPDATED_DESC("updated_at", true);

        final String column;
        final boolean descending;

        SortKey(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }

        static SortKey of(CardSort sort) {
            return switch (sort) {
                case NEWEST -> CREATED_DESC;
                case OLDEST -> CREATED_ASC;
                case RECENTLY_UPDATED -> UPDATED_DESC;
            };
        }
    }

    /** Opaque to clients; bound to the sort it was made for, so it cannot be replayed against another order. */
    private record Cursor(Instant at, UUID id) {

        String encode(CardSort sort) {
            String raw = sort.name() + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, CardSort sort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 4 || !parts[0].equals(sort.name())) {
                    throw new IllegalArgumentException("cursor belongs to another listing");
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), UUID.fromString(parts[3]));
            } catch (IllegalArgumentException malformed) {
                throw new DomainException(ErrorCode.REQ_002, "cursor is not valid for this listing; start again without it");
            }
        }
    }

    private static CardView toView(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID createdBy = rs.getObject("created_by", UUID.class);
        UUID updatedBy = rs.getObject("updated_by", UUID.class);
        long note = rs.getLong("anki_note_id");
        Long noteId = rs.wasNull() ? null : note;
        long card = rs.getLong("anki_card_id");
        Long cardId = rs.wasNull() ? null : card;
        long noteType = rs.getLong("anki_note_type_id");
        Long noteTypeId = rs.wasNull() ? null : noteType;
        return new CardView(
                new CardId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                new DeckId(rs.getObject("deck_id", UUID.class)),
                new TemplateId(rs.getObject("template_id", UUID.class)),
                fields(rs.getString("fields")),
                tags(rs.getArray("tags")),
                CardStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                CardOrigin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                noteId,
                cardId,
                rs.getString("anki_guid"),
                noteTypeId,
                rs.getString("sync_error"),
                rs.getInt("sync_attempts"),
                rs.getString("rejection_reason"),
                createdBy == null ? null : new UserId(createdBy),
                updatedBy == null ? null : new UserId(updatedBy),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "synced_at"));
    }

    private static Map<String, String> fields(String json) throws SQLException {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (IOException e) {
            throw new SQLException("cards.fields is not a JSON object of strings", e);
        }
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

}
