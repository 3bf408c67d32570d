package io.ankirag.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.domain.auth.RefreshToken.Standing;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant ISSUED = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private static final Instant EXPIRY = ISSUED.plus(TTL);

    private final RefreshTokenSecret secret = new RefreshTokenSecret("the-secret");
    private final RefreshToken fresh = RefreshToken.issue(UUID.randomUUID(), new UserId(UUID.randomUUID()),
            UUID.randomUUID(), secret, ISSUED, TTL);

    @Test
    void issueStoresOnlyTheDigestOfTheSecret() {
        assertThat(fresh.tokenDigest()).isEqualTo(secret.digest()).doesNotContain("the-secret");
    }

    @Test
    void issueSetsExpiryOneLifetimeAfterIssue() {
        assertThat(fresh.issuedAt()).isEqualTo(ISSUED);
        assertThat(fresh.expiresAt()).isEqualTo(EXPIRY);
        assertThat(fresh.revokedAt()).isNull();
        assertThat(fresh.replacedBy()).isNull();
    }

    @Test
    void freshTokenIsUsableUntilJustBeforeExpiry() {
        assertThat(fresh.standing(ISSUED)).isEqualTo(Standing.USABLE);
        assertThat(fresh.standing(EXPIRY.minusNanos(1))).isEqualTo(Standing.USABLE);
    }

    @Test
    void tokenIsExpiredExactlyAtItsExpiry() {
        assertThat(fresh.standing(EXPIRY)).isEqualTo(Standing.EXPIRED);
    }

    @Test
    void tokenIsExpiredAfterItsExpiry() {
        assertThat(fresh.standing(EXPIRY.plusSeconds(1))).isEqualTo(Standing.EXPIRED);
    }

    @Test
    void revokedTokenIsRevokedEvenBeforeExpiry() {
        assertThat(revoked(fresh).standing(ISSUED.plusSeconds(1))).isEqualTo(Standing.REVOKED);
    }

    @Test
    void revocationWinsOverExpiry() {
        assertThat(revoked(fresh).standing(EXPIRY.plusSeconds(1))).isEqualTo(Standing.REVOKED);
    }

    @Test
    void replacedTokenIsReused() {
        RefreshToken replaced = withReplacedBy(fresh, null);

        assertThat(replaced.standing(ISSUED.plusSeconds(1))).isEqualTo(Standing.REUSED);
    }

    @Test
    void replacedByWinsOverRevokedAndExpired() {
        RefreshToken rotatedThenRevoked = withReplacedBy(fresh, ISSUED.plusSeconds(1));

        assertThat(rotatedThenRevoked.standing(ISSUED.plusSeconds(2))).isEqualTo(Standing.REUSED);
        assertThat(rotatedThenRevoked.standing(EXPIRY.plusSeconds(1))).isEqualTo(Standing.REUSED);
    }

    private static RefreshToken revoked(RefreshToken t) {
        return new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenDigest(), t.issuedAt(), t.expiresAt(),
                t.issuedAt().plusSeconds(1), null);
    }

    private static RefreshToken withReplacedBy(RefreshToken t, Instant revokedAt) {
        return new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenDigest(), t.issuedAt(), t.expiresAt(),
                revokedAt, UUID.randomUUID());
    }
}
