package io.ankirag.adapter.out.persistence.user;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;
import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.adapter.out.persistence.jdbc.LikePatterns;
import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.out.user.ListUsersPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.DisplayName;
import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.Role;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import io.ankirag.domain.user.UserPreferences;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.stereotype.Component;

@Component
class JdbiUserStore implements LoadUserPort, SaveUserPort, ListUsersPort {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT_USER = """
            SELECT u.id, u.email, u.hashed_password, u.display_name, u.role, u.is_active, u.created_at, u.updated_at,
                   p.preferred_language, p.default_model, p.default_embedder
            FROM users u JOIN user_preferences p ON p.user_id = u.id
            WHERE u.deleted_at IS NULL
            """;

    private final Jdbi jdbi;

    JdbiUserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> userById(UserId id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " AND u.id = :id")
                .bind("id", id.value())
                .map(JdbiUserStore::toUser)
                .findOne());
    }

    @Override
    public Optional<User> userByEmail(Email email) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " AND u.email = :email")
                .bind("email", email.value())
                .map(JdbiUserStore::toUser)
                .findOne());
    }

    @Override
    public Page<User> listUsers(PageRequest page, String search) {
        String filter = search == null ? "" : " AND (u.email LIKE :pattern OR lower(u.display_name) LIKE :pattern)";
        String pattern = search == null ? null : LikePatterns.containing(search);
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT count(*) FROM users u WHERE u.deleted_at IS NULL" + filter);
            Query items = h.createQuery(SELECT_USER + filter + " ORDER BY u.created_at, u.id LIMIT :limit OFFSET :offset")
                    .bind("limit", page.size())
                    .bind("offset", page.offset());
            if (pattern != null) {
                count.bind("pattern", pattern);
                items.bind("pattern", pattern);
            }
            return new Page<>(items.map(JdbiUserStore::toUser).list(), count.mapTo(Long.class).one(), page.page(), page.size());
        });
    }

    @Override
    public void insertUser(User user) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("""
                                INSERT INTO users (id, email, hashed_password, display_name, role, is_active, created_at, updated_at)
                                VALUES (:id, :email, :hash, :name, :role, :active, :created, :updated)
                                """)
                        .bind("id", user.id().value())
                        .bind("email", user.email().value())
                        .bind("hash", user.passwordHash())
                        .bind("name", user.displayName().value())
                        .bind("role", roleName(user.role()))
                        .bind("active", user.active())
                        .bind("created", utc(user.createdAt()))
                        .bind("updated", utc(user.updatedAt()))
                        .execute();
                h.createUpdate("INSERT INTO user_preferences (user_id) VALUES (:id)")
                        .bind("id", user.id().value())
                        .execute();
                writePreferences(h, user);
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new DomainException(ErrorCode.USER_001, "an account with this email already exists", e);
            }
            throw e;
        }
    }

    @Override
    public void updateUser(User user) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE users SET hashed_password = :hash, display_name = :name, role = :role,
                                             is_active = :active, updated_at = :updated
                            WHERE id = :id AND deleted_at IS NULL
                            """)
                    .bind("id", user.id().value())
                    .bind("hash", user.passwordHash())
                    .bind("name", user.displayName().value())
                    .bind("role", roleName(user.role()))
                    .bind("active", user.active())
                    .bind("updated", utc(user.updatedAt()))
                    .execute();
            writePreferences(h, user);
        });
    }

    @Override
    public void deleteUser(UserId id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET deleted_at = :at, is_active = FALSE, updated_at = :at WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id.value())
                .bind("at", utc(at))
                .execute());
    }

    private static void writePreferences(Handle h, User user) {
        UserPreferences p = user.preferences();
        h.createUpdate("""
                        UPDATE user_preferences SET preferred_language = :lang, default_model = :model, default_embedder = :embedder
                        WHERE user_id = :id
                        """)
                .bind("id", user.id().value())
                .bind("lang", p.preferredLanguage())
                .bind("model", p.defaultModel())
                .bind("embedder", p.defaultEmbedder())
                .execute();
    }

    private static User toUser(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                new Email(rs.getString("email")),
                rs.getString("hashed_password"),
                new DisplayName(rs.getString("display_name")),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                rs.getBoolean("is_active"),
                new UserPreferences(rs.getString("preferred_language"), rs.getString("default_model"), rs.getString("default_embedder")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

}
