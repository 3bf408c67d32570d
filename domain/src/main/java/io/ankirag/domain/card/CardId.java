package io.ankirag.domain.card;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record CardId(UUID value) {

    public CardId {
        Objects.requireNonNull(value, "value");
    }

    public static CardId newId(Clock clock) {
        return new CardId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
