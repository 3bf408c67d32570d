package io.ankirag.domain.deck;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record DeckId(UUID value) {

    public DeckId {
        Objects.requireNonNull(value, "value");
    }

    public static DeckId newId(Clock clock) {
        return new DeckId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
