package io.ankirag.domain.prompt;

import java.util.List;

/**
 * The prompts every installation starts with (spec 10.3). Their wording is the specification's; how it splits
 * into a system message and a user template, the variables schemas and the sampling settings are ours.
 */
public final class SystemPrompts {

    public static final PromptName CARD_GENERATOR = new PromptName("card_generator");
    public static final PromptName FACT_CHECKER = new PromptName("fact_checker");
    public static final PromptName CHAT_ASSISTANT = new PromptName("chat_assistant");

    public record SystemPrompt(PromptName name, PromptContent content) {
    }

    private SystemPrompts() {
    }

    public static List<SystemPrompt> all() {
        return List.of(
                new SystemPrompt(CARD_GENERATOR, new PromptContent(PromptCategory.GENERATION,
                        "You are an expert at creating educational flashcards.",
                        """
                        Create {num_cards} flashcards about {topic}.
                        Each card should have a clear question on the front
                        and a concise, accurate answer on the back.
                        Language: {language}
                        Difficulty: {difficulty}""",
                        """
                        {"type": "object",
                         "properties": {
                           "topic": {"type": "string", "minLength": 1},
                           "num_cards": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                           "language": {"type": "string", "minLength": 1, "default": "en"},
                           "difficulty": {"enum": ["beginner", "intermediate", "advanced"], "default": "intermediate"}
                         },
                         "required": ["topic"]}""",
                        0.7, 4096)),
                new SystemPrompt(FACT_CHECKER, new PromptContent(PromptCategory.FACT_CHECK,
                        "",
                        """
                        Verify the following claim and provide sources:
                        Claim: {claim}
                        Return confidence score (0-1) and supporting evidence.""",
                        """
                        {"type": "object",
                         "properties": {"claim": {"type": "string", "minLength": 1}},
                         "required": ["claim"]}""",
                        0.2, 2048)),
                new SystemPrompt(CHAT_ASSISTANT, new PromptContent(PromptCategory.CHAT,
                        """
                        You are a helpful study assistant. Use the provided
                        context from the user's flashcards to answer questions.
                        Context: {context}""",
                        "{message}",
                        """
                        {"type": "object",
                         "properties": {
                           "context": {"type": "string", "default": ""},
                           "message": {"type": "string", "minLength": 1}
                         },
                         "required": ["message"]}""",
                        0.7, 4096)));
    }
}
