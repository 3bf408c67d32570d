package io.ankirag.application.port.out.auth;

import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

public interface RevokeRefreshTokensPort {

    /** Ends one session: every token of the family stops working. */
    void revokeFamily(UUID familyId, Instant at);

    /** Ends every session of a user. */
    void revokeAllOf(UserId userId, Instant at);
}
