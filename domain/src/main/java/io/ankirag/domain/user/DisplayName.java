package io.ankirag.domain.user;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

public record DisplayName(String value) {

    static final int MAX_LENGTH = 100;

    public DisplayName {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "display_name must not be blank");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "display_name must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** Users who register without a name are called by the part of their email before the @. */
    public static DisplayName orDefault(String requested, Email email) {
        if (requested != null && !requested.isBlank()) {
            return new DisplayName(requested);
        }
        String local = email.value().substring(0, email.value().indexOf('@'));
        boolean tooLong = local.codePointCount(0, local.length()) > MAX_LENGTH;
        return new DisplayName(tooLong ? local.substring(0, local.offsetByCodePoints(0, MAX_LENGTH)) : local);
    }

    @Override
    public String toString() {
        return value;
    }
}
