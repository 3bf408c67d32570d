package io.ankirag.application.fakes;

import io.ankirag.application.port.out.auth.RefreshTokenStorePort;
import io.ankirag.application.port.out.auth.RevokeRefreshTokensPort;
import io.ankirag.domain.auth.RefreshToken;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Refresh tokens in a map, following the database adapter: rotation and revocation only touch live rows. */
public final class InMemoryRefreshTokens implements RefreshTokenStorePort, RevokeRefreshTokensPort {

    private final Map<UUID, RefreshToken> byId = new LinkedHashMap<>();
    private boolean anotherRequestRotatesFirst;

    @Override
    public void saveRefreshToken(RefreshToken token) {
        if (byId.putIfAbsent(token.id(), token) != null) {
            throw new IllegalStateException("duplicate token id " + token.id());
        }
    }

    @Override
    public Optional<RefreshToken> refreshTokenByDigest(String tokenDigest) {
        return byId.values().stream().filter(t -> t.tokenDigest().equals(tokenDigest)).findFirst();
    }

    @Override
    public boolean rotateRefreshToken(RefreshToken current, RefreshToken successor, Instant now) {
        if (anotherRequestRotatesFirst) {
            anotherRequestRotatesFirst = false;
            RefreshToken theirs = new RefreshToken(UUID.randomUUID(), current.userId(), current.familyId(),
                    "digest-of-the-other-request", now, successor.expiresAt(), null, null);
            rotateRefreshToken(current, theirs, now);
        }
        RefreshToken stored = byId.get(current.id());
        if (stored == null || stored.revokedAt() != null || stored.replacedBy() != null) {
            return false;
        }
        byId.put(stored.id(), with(stored, now, successor.id()));
        saveRefreshToken(successor);
        return true;
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        revokeWhere(t -> t.familyId().equals(familyId), at);
    }

    @Override
    public void revokeAllOf(UserId userId, Instant at) {
        revokeWhere(t -> t.userId().equals(userId), at);
    }

    /** Makes the next rotation lose a race: another request exchanges the same token just before it. */
    public void letAnotherRequestRotateFirst() {
        anotherRequestRotatesFirst = true;
    }

    public RefreshToken byDigest(String digest) {
        return refreshTokenByDigest(digest).orElseThrow(() -> new AssertionError("no token with digest " + digest));
    }

    public List<RefreshToken> family(UUID familyId) {
        return byId.values().stream().filter(t -> t.familyId().equals(familyId)).toList();
    }

    public List<RefreshToken> all() {
        return List.copyOf(byId.values());
    }

    private void revokeWhere(Predicate<RefreshToken> which, Instant at) {
        byId.replaceAll((id, t) -> which.test(t) && t.revokedAt() == null ? with(t, at, t.replacedBy()) : t);
    }

    private static RefreshToken with(RefreshToken t, Instant revokedAt, UUID replacedBy) {
        return new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenDigest(), t.issuedAt(), t.expiresAt(),
                revokedAt, replacedBy);
    }
}
