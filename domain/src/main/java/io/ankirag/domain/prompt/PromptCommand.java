package io.ankirag.domain.prompt;

import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What may be done to a prompt family. Prompts belong to the installation, not to a user: the caller has checked
 * that the actor may administer them; the actor is recorded as the author.
 */
public sealed interface PromptCommand extends AggregateCommand {

    PromptId promptId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return promptId().value();
    }

    /**
     * Version 1 of a new name, active at once. Created by {@link UserId#SYSTEM} it is a system prompt.
     *
     * @param content checked by the caller against its variables schema
     */
    record CreatePrompt(PromptName name, PromptVersionId versionId, PromptContent content, UserId actor, Instant at)
            implements PromptCommand {

        public CreatePrompt {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public PromptId promptId() {
            return PromptId.of(name);
        }
    }

    /**
     * A new version made from {@code parentId}, numbered after the newest.
     *
     * @param activate whether the new version becomes the one in use
     */
    record RevisePrompt(PromptId promptId, PromptVersionId versionId, PromptVersionId parentId, PromptContent content,
                        boolean activate, UserId actor, Instant at) implements PromptCommand {
    }

    record ActivatePromptVersion(PromptId promptId, int version, UserId actor, Instant at) implements PromptCommand {
    }

    record DeletePrompt(PromptId promptId, UserId actor, Instant at) implements PromptCommand {
    }
}
