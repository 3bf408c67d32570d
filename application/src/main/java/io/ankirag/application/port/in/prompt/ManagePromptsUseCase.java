package io.ankirag.application.port.in.prompt;

import io.ankirag.domain.user.UserId;

/**
 * Writing prompts, which belong to the whole installation. Callers must already have checked the admin role.
 * Every template placeholder must be declared in the variables schema, which must be a valid JSON Schema
 * (draft 2020-12) for an object; otherwise {@code REQ_002} names the problems.
 */
public interface ManagePromptsUseCase {

    /** {@code null} temperature or max tokens take the gateway's defaults. */
    record NewPrompt(String name, String category, String systemPrompt, String userPromptTemplate,
                     String variablesSchema, Double temperature, Integer maxTokens) {
    }

    /**
     * A new version made from {@code fromVersion} (the active version when {@code null}); every other
     * {@code null} keeps that version's value.
     *
     * @param activate whether the new version is put in use at once
     */
    record PromptRevision(Integer fromVersion, String category, String systemPrompt, String userPromptTemplate,
                          String variablesSchema, Double temperature, Integer maxTokens, boolean activate) {
    }

    /** Version 1, active. @throws io.ankirag.domain.error.DomainException {@code PROMPT_002} when the name is taken */
    PromptView createPrompt(UserId actor, NewPrompt prompt);

    /**
     * @return the new version
     * @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} unknown prompt or version
     */
    PromptView revisePrompt(UserId actor, String name, PromptRevision revision);

    /** @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} unknown prompt or version */
    PromptView activateVersion(UserId actor, String name, int version);

    /**
     * Deletes the prompt with all its versions; the name stays taken.
     *
     * @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} unknown prompt, {@code PROMPT_003} a
     *                                                 system prompt
     */
    void deletePrompt(UserId actor, String name);
}
