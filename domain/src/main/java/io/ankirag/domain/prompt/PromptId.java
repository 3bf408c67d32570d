package io.ankirag.domain.prompt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One prompt family, all versions of one name. The id is derived from the name, so two requests to create the
 * same name address the same aggregate and the second is refused there, with no race on a read model.
 */
public record PromptId(UUID value) {

    public PromptId {
        Objects.requireNonNull(value, "value");
    }

    public static PromptId of(PromptName name) {
        return new PromptId(UUID.nameUUIDFromBytes(("ankirag:prompt:" + name.value()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
