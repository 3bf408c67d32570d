package io.ankirag.domain.deck;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** Free text about a deck; blank means none ({@link #NONE}, whose value is {@code null}). */
public record DeckDescription(String value) {

    static final int MAX_LENGTH = 10_000;
    public static final DeckDescription NONE = new DeckDescription(null);

    public DeckDescription {
        if (value != null) {
            value = value.isBlank() ? null : value.strip();
        }
        if (value != null && value.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "description must be at most " + MAX_LENGTH + " characters");
        }
    }
}
