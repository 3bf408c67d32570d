package io.ankirag.application.port.in.prompt;

import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/**
 * One version of a prompt as the read model holds it.
 *
 * @param parentId        the version it was made from; {@code null} for version 1
 * @param variablesSchema JSON Schema text
 */
public record PromptView(
        PromptVersionId id,
        PromptId promptId,
        String name,
        int version,
        PromptVersionId parentId,
        boolean active,
        boolean system,
        PromptCategory category,
        String systemPrompt,
        String userPromptTemplate,
        String variablesSchema,
        double temperature,
        int maxTokens,
        Instant createdAt,
        UserId createdBy) {
}
