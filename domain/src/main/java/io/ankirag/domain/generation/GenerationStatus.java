package io.ankirag.domain.generation;

import java.util.Locale;

/** Spec appendix B. */
public enum GenerationStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GenerationStatus ofWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
