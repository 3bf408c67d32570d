package io.ankirag.domain.template;

import io.ankirag.domain.shared.UuidV7;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

public record TemplateId(UUID value) {

    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    public static TemplateId newId(Clock clock) {
        return new TemplateId(UuidV7.next(clock));
    }

    /** System templates have fixed ids, the same on every installation, derived from their names. */
    public static TemplateId ofSystem(String name) {
        return new TemplateId(UUID.nameUUIDFromBytes(("ankirag:system-template:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
