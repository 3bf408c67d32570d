package io.ankirag.domain.prompt;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one prompt version says to the model. {@code variablesSchema} is JSON Schema text; whether it is
 * a valid schema is checked outside the domain (it needs a JSON parser), and {@link #requireDeclared} then
 * holds the templates to it.
 *
 * @param systemPrompt empty when the prompt has no system message
 */
public record PromptContent(
        PromptCategory category,
        String systemPrompt,
        String userPromptTemplate,
        String variablesSchema,
        double temperature,
        int maxTokens) {

    /** The gateway's defaults (spec 10.1 SOP_LLM_DEFAULT_TEMPERATURE, SOP_LLM_DEFAULT_MAX_TOKENS). */
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final int DEFAULT_MAX_TOKENS = 4096;
    static final int MAX_TEXT_LENGTH = 100_000;
    static final int MAX_TOKENS_LIMIT = 200_000;

    public PromptContent {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        List<String> problems = new ArrayList<>();
        if (category == null) {
            problems.add("category is required");
        }
        if (systemPrompt.length() > MAX_TEXT_LENGTH) {
            problems.add("system_prompt must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (userPromptTemplate == null || userPromptTemplate.isBlank()) {
            problems.add("user_prompt_template must not be blank");
        } else if (userPromptTemplate.length() > MAX_TEXT_LENGTH) {
            problems.add("user_prompt_template must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (variablesSchema == null || variablesSchema.isBlank()) {
            problems.add("variables_schema is required");
        }
        if (!(temperature >= 0.0 && temperature <= 2.0)) {
            problems.add("temperature must be between 0.0 and 2.0");
        }
        if (maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT) {
            problems.add("max_tokens must be between 1 and " + MAX_TOKENS_LIMIT);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, String.join("; ", problems));
        }
    }

    /** Every variable either template refers to, the system message's first. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>(new PromptTemplate(systemPrompt).placeholders());
        names.addAll(new PromptTemplate(userPromptTemplate).placeholders());
        return names;
    }

    /**
     * @param declaredVariables the properties {@code variablesSchema} declares
     * @throws DomainException {@code REQ_002} naming every placeholder the schema does not declare
     */
    public void requireDeclared(Set<String> declaredVariables) {
        List<String> undeclared = placeholders().stream().filter(name -> !declaredVariables.contains(name)).toList();
        if (!undeclared.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, "placeholders not declared in variables_schema.properties: "
                    + String.join(", ", undeclared.stream().map(name -> "{" + name + "}").toList()));
        }
    }
}
