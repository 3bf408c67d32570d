package io.ankirag.domain.generation;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Locale;

/** How hard the cards should be (spec 5.4). */
public enum Difficulty {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED;

    public static Difficulty of(String value) {
        if (value == null || value.isBlank()) {
            return INTERMEDIATE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.REQ_002, "difficulty must be beginner, intermediate or advanced");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
