package io.ankirag.domain.chat;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record ChatSessionId(UUID value) {

    public ChatSessionId {
        Objects.requireNonNull(value, "value");
    }

    public static ChatSessionId newId(Clock clock) {
        return new ChatSessionId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
