package io.ankirag.domain.prompt;

import io.ankirag.domain.user.UserId;
import java.time.Instant;

/** Facts about a prompt family. Versions are never changed once recorded; only which one is active moves. */
public sealed interface PromptEvent {

    PromptId promptId();

    Instant at();

    /** Version 1, active from the start. */
    record PromptCreated(
            PromptId promptId,
            PromptVersionId versionId,
            String name,
            boolean system,
            PromptCategory category,
            String systemPrompt,
            String userPromptTemplate,
            String variablesSchema,
            double temperature,
            int maxTokens,
            UserId createdBy,
            Instant at) implements PromptEvent {
    }

    /** A new, not yet active version; {@link PromptVersionActivated} follows when it is put in use. */
    record PromptRevised(
            PromptId promptId,
            PromptVersionId versionId,
            int version,
            PromptVersionId parentId,
            PromptCategory category,
            String systemPrompt,
            String userPromptTemplate,
            String variablesSchema,
            double temperature,
            int maxTokens,
            UserId createdBy,
            Instant at) implements PromptEvent {
    }

    /** From now on {@code version} is the one in use; the previously active one is not. */
    record PromptVersionActivated(PromptId promptId, PromptVersionId versionId, int version, Instant at) implements PromptEvent {
    }

    record PromptDeleted(PromptId promptId, Instant at) implements PromptEvent {
    }
}
