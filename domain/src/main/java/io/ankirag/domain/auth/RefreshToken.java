package io.ankirag.domain.auth;

import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One link in a chain of refresh tokens. Every refresh replaces the token with a new one of the same
 * family; presenting a token that was already replaced means someone else holds a copy, so the whole
 * family is revoked (OAuth 2.0 Security BCP, refresh token rotation with reuse detection).
 */
public record RefreshToken(
        UUID id,
        UserId userId,
        UUID familyId,
        String tokenDigest,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        UUID replacedBy) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RefreshToken issue(UUID id, UserId userId, UUID familyId, RefreshTokenSecret secret, Instant now, Duration ttl) {
        return new RefreshToken(id, userId, familyId, secret.digest(), now, now.plus(ttl), null, null);
    }

    public enum Standing {
        USABLE,
        EXPIRED,
        /** Revoked by logout, deactivation or an earlier reuse. */
        REVOKED,
        /** Already exchanged for a successor: a second holder exists. */
        REUSED
    }

    public Standing standing(Instant now) {
        if (replacedBy != null) {
            return Standing.REUSED;
        }
        if (revokedAt != null) {
            return Standing.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return Standing.EXPIRED;
        }
        return Standing.USABLE;
    }
}
