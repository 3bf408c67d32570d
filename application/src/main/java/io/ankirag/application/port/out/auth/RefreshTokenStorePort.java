package io.ankirag.application.port.out.auth;

import io.ankirag.domain.auth.RefreshToken;
import java.time.Instant;
import java.util.Optional;

public interface RefreshTokenStorePort {

    void saveRefreshToken(RefreshToken token);

    Optional<RefreshToken> refreshTokenByDigest(String tokenDigest);

    /**
     * Atomically marks {@code current} as replaced by {@code successor} and stores the successor, but only if
     * {@code current} is still unrevoked.
     *
     * @return {@code false} when another request exchanged or revoked {@code current} first
     */
    boolean rotateRefreshToken(RefreshToken current, RefreshToken successor, Instant now);
}
