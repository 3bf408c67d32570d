package io.ankirag.domain.deck;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/**
 * One level of a deck path. Anki writes nesting as {@code Parent::Child}, so a name holding {@code ::} would
 * split into two decks on export; such names are refused rather than silently changed.
 */
public record DeckName(String value) {

    static final int MAX_LENGTH = 255;

    public DeckName {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "deck name must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "deck name must be at most " + MAX_LENGTH + " characters");
        }
        if (value.contains("::")) {
            throw new DomainException(ErrorCode.REQ_002, "deck name must not contain '::' (Anki's level separator); create a sub-deck instead");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
