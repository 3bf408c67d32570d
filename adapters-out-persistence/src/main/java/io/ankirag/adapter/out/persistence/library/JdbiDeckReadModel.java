package io.ankirag.adapter.out.persistence.library;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

@Component
class JdbiDeckReadModel implements DeckReadModelPort {

    private static final String LIVE_DECKS = """
            SELECT id, owner_id, name, description, parent_id, cards_count, created_at, updated_at
            FROM decks WHERE owner_id = :owner AND deleted_at IS NULL
            """;

    private final Jdbi jdbi;

    JdbiDeckReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<DeckView> deckOf(UserId owner, DeckId id) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_DECKS + " AND id = :id")
                .bind("owner", owner.value())
                .bind("id", id.value())
                .map(JdbiDeckReadModel::toView)
                .findOne());
    }

    @Override
    public List<DeckView> allDecksOf(UserId owner) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_DECKS)
                .bind("owner", owner.value())
                .map(JdbiDeckReadModel::toView)
                .list());
    }

    @Override
    public Page<DeckView> deckPage(UserId owner, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM decks WHERE owner_id = :owner AND deleted_at IS NULL")
                    .bind("owner", owner.value())
                    .mapTo(Long.class)
                    .one();
            List<DeckView> items = h.createQuery(LIVE_DECKS + " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                    .bind("owner", owner.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiDeckReadModel::toView)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    private static DeckView toView(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new DeckView(
                new DeckId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                parent == null ? null : new DeckId(parent),
                rs.getLong("cards_count"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
