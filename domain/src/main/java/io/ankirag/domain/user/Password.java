package io.ankirag.domain.user;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * A plain-text password on its way to being hashed. Length rules follow NIST SP 800-63B: at least 8
 * characters, no composition rules, and at most 72 UTF-8 bytes because bcrypt ignores anything beyond.
 */
public record Password(String value) {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    public Password {
        if (value == null || value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "password must be at least " + MIN_LENGTH + " characters");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DomainException(ErrorCode.REQ_002, "password must be at most " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
