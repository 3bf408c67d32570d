package io.ankirag.application.port.in.prompt;

public interface SeedSystemPromptsUseCase {

    /**
     * Creates each system prompt that does not exist yet; safe to run at every start. Existing ones, including
     * their later versions, are left as they are.
     */
    void seedSystemPrompts();
}
