package io.ankirag.domain.chat;

import io.ankirag.domain.shared.UuidV7;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record ChatMessageId(UUID value) {

    public ChatMessageId {
        Objects.requireNonNull(value, "value");
    }

    public static ChatMessageId newId(Clock clock) {
        return new ChatMessageId(UuidV7.next(clock));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
