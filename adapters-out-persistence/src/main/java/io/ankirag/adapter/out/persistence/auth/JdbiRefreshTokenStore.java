package io.ankirag.adapter.out.persistence.auth;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;
import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.port.out.auth.RefreshTokenStorePort;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.domain.auth.RefreshToken;
import io.ankirag.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.stereotype.Component;

@Component
class JdbiRefreshTokenStore implements RefreshTokenStorePort, RevokeRefreshTokensPort {

    private final Jdbi jdbi;

    JdbiRefreshTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void saveRefreshToken(RefreshToken token) {
        jdbi.useHandle(h -> insert(h, token));
    }

    @Override
    public Optional<RefreshToken> refreshTokenByDigest(String tokenDigest) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM refresh_tokens WHERE token_digest = :digest")
                .bind("digest", tokenDigest)
                .map(JdbiRefreshTokenStore::toToken)
                .findOne());
    }

    @Override
    public boolean rotateRefreshToken(RefreshToken current, RefreshToken successor, Instant now) {
        return jdbi.inTransaction(h -> {
            // The conditional update is the lock: of two concurrent refreshes with one token, only one matches.
            int claimed = h.createUpdate("""
                            UPDATE refresh_tokens SET revoked_at = :now, replaced_by = :successor
                            WHERE id = :id AND revoked_at IS NULL AND replaced_by IS NULL
                            """)
                    .bind("id", current.id())
                    .bind("successor", successor.id())
                    .bind("now", utc(now))
                    .execute();
            if (claimed == 0) {
                return false;
            }
            insert(h, successor);
            return true;
        });
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId)
                .bind("at", utc(at))
                .execute());
    }

    @Override
    public void revokeAllOf(UserId userId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", userId.value())
                .bind("at", utc(at))
                .execute());
    }

    private static void insert(Handle h, RefreshToken token) {
        h.createUpdate("""
                        INSERT INTO refresh_tokens (id, user_id, family_id, token_digest, issued_at, expires_at, revoked_at, replaced_by)
                        VALUES (:id, :user, :family, :digest, :issued, :expires, :revoked, :replacedBy)
                        """)
                .bind("id", token.id())
                .bind("user", token.userId().value())
                .bind("family", token.familyId())
                .bind("digest", token.tokenDigest())
                .bind("issued", utc(token.issuedAt()))
                .bind("expires", utc(token.expiresAt()))
                .bind("revoked", utc(token.revokedAt()))
                .bind("replacedBy", token.replacedBy())
                .execute();
    }

    private static RefreshToken toToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RefreshToken(
                rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("family_id", UUID.class),
                rs.getString("token_digest"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                rs.getObject("replaced_by", UUID.class));
    }
}
