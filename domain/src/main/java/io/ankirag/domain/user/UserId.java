package io.ankirag.domain.user;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {

    /** The installation itself: the actor behind seeded system templates and prompts. Never a person. */
    public static final UserId SYSTEM = new UserId(new UUID(0L, 0L));

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId(Clock clock) {
        return new UserId(UuidV7.next(clock));
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
