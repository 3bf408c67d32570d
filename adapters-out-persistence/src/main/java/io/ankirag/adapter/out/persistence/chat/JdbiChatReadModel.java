package io.ankirag.adapter.out.persistence.chat;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.chat.ChatMessageView;
import io.ankirag.application.port.in.chat.ChatSessionView;
import io.ankirag.application.port.out.chat.ChatReadModelPort;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

@Component
class JdbiChatReadModel implements ChatReadModelPort {

    private static final String SESSIONS = """
            SELECT id, owner_id, title, deck_id, topic, archived, message_count, created_at, updated_at FROM chat_sessions
            """;
    private static final String MESSAGES = """
            SELECT id, sequence, role, content, model, input_tokens, output_tokens, sources::text AS sources, finish_reason,
                complete, created_at
            FROM chat_messages
            """;

    private final Jdbi jdbi;

    JdbiChatReadModel(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ChatSessionView> session(ChatSessionId id) {
        return jdbi.withHandle(h -> h.createQuery(SESSIONS + " WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiChatReadModel::session)
                .findOne());
    }

    @Override
    public Page<ChatSessionView> sessionsOf(UserId owner, boolean archived, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM chat_sessions WHERE owner_id = :owner AND archived = :archived")
                    .bind("owner", owner.value())
                    .bind("archived", archived)
                    .mapTo(Long.class)
                    .one();
            List<ChatSessionView> items = h.createQuery(SESSIONS + """
                             WHERE owner_id = :owner AND archived = :archived
                            ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                    .bind("owner", owner.value())
                    .bind("archived", archived)
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiChatReadModel::session)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public Page<ChatMessageView> messages(ChatSessionId session, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM chat_messages WHERE session_id = :session")
                    .bind("session", session.value())
                    .mapTo(Long.class)
                    .one();
            List<ChatMessageView> items = h.createQuery(MESSAGES
                            + " WHERE session_id = :session ORDER BY sequence LIMIT :limit OFFSET :offset")
                    .bind("session", session.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(JdbiChatReadModel::messageRow)
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public List<ChatMessageView> latestMessages(ChatSessionId session, int limit) {
        List<ChatMessageView> newestFirst = jdbi.withHandle(h -> h.createQuery(MESSAGES
                        + " WHERE session_id = :session ORDER BY sequence DESC LIMIT :limit")
                .bind("session", session.value())
                .bind("limit", limit)
                .map(JdbiChatReadModel::messageRow)
                .list());
        List<ChatMessageView> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public Optional<ChatMessageView> message(ChatSessionId session, ChatMessageId id) {
        return jdbi.withHandle(h -> h.createQuery(MESSAGES + " WHERE session_id = :session AND id = :id")
                .bind("session", session.value())
                .bind("id", id.value())
                .map(JdbiChatReadModel::messageRow)
                .findOne());
    }

    private static ChatSessionView session(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID deck = rs.getObject("deck_id", UUID.class);
        return new ChatSessionView(new ChatSessionId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("title"), deck == null ? null : new DeckId(deck), rs.getString("topic"), rs.getBoolean("archived"),
                rs.getInt("message_count"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ChatMessageView messageRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ChatMessageView(new ChatMessageId(rs.getObject("id", UUID.class)), rs.getInt("sequence"),
                ChatMessageView.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("content"),
                rs.getString("model"), rs.getInt("input_tokens"), rs.getInt("output_tokens"), ChatJson.sources(rs.getString("sources")),
                rs.getString("finish_reason"), rs.getBoolean("complete"), instant(rs, "created_at"));
    }
}
