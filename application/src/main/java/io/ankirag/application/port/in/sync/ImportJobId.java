package io.ankirag.application.port.in.sync;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** A background import's id. */
public record ImportJobId(UUID value) {

    public ImportJobId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportJobId newId(Clock clock) {
        return new ImportJobId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
