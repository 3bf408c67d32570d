package io.ankirag.domain.prompt;

import io.ankirag.domain.shared.UuidV7;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** One immutable version of a prompt: what a generation records to say exactly which text it used. */
public record PromptVersionId(UUID value) {

    public PromptVersionId {
        Objects.requireNonNull(value, "value");
    }

    public static PromptVersionId newId(Clock clock) {
        return new PromptVersionId(UuidV7.next(clock));
    }

    /** The version a system prompt ships with has the same id on every installation. */
    public static PromptVersionId ofSystem(PromptName name) {
        return new PromptVersionId(UUID.nameUUIDFromBytes(("ankirag:system-prompt:" + name.value() + ":1").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
