package io.ankirag.application.port.in.sync;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record SyncTaskId(UUID value) {

    public SyncTaskId {
        Objects.requireNonNull(value, "value");
    }

    public static SyncTaskId newId(Clock clock) {
        return new SyncTaskId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
