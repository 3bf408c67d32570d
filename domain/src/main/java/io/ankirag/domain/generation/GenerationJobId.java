package io.ankirag.domain.generation;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record GenerationJobId(UUID value) {

    public GenerationJobId {
        Objects.requireNonNull(value, "value");
    }

    public static GenerationJobId newId(Clock clock) {
        return new GenerationJobId(UuidV7.next(clock));
    }

    public static GenerationJobId of(String value) {
        return new GenerationJobId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
