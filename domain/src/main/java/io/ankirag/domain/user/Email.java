package io.ankirag.domain.user;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, compared case-insensitively: stored trimmed and lower-cased so that uniqueness holds. */
public record Email(String value) {

    private static final int MAX_LENGTH = 255;
    // Deliberately permissive: one @, something on each side, a dot in the domain. Delivery proves the rest.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Email {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "email is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.REQ_002, "email is not a valid address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
