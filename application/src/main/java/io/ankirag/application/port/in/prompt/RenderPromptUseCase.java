package io.ankirag.application.port.in.prompt;

import io.ankirag.domain.prompt.PromptVersionId;
import java.util.Map;

/** Turns a prompt's active version and the caller's variables into the messages for the model. */
public interface RenderPromptUseCase {

    /**
     * @param versionId the exact version used, for the record of what produced a result
     * @param system    empty when the prompt has no system message
     */
    record RenderedPrompt(PromptVersionId versionId, String name, int version, String system, String user,
                          double temperature, int maxTokens) {
    }

    /**
     * Variables the caller leaves out take the schema's {@code default}, if any. Strings are inserted as they
     * are, numbers and booleans as written, lists joined with commas, maps as {@code key: value} pairs.
     *
     * @param variables JSON values: strings, numbers, booleans, lists, maps
     * @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} unknown prompt, {@code REQ_002} listing
     *                                                 every way the variables break the prompt's schema
     */
    RenderedPrompt render(String name, Map<String, Object> variables);

    /** Like {@link #render(String, Map)}, with one exact version, active or not ({@code PROMPT_001} when unknown). */
    RenderedPrompt render(PromptVersionId version, Map<String, Object> variables);
}
