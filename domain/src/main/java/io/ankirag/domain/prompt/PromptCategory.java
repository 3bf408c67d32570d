package io.ankirag.domain.prompt;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a prompt is for (spec 4.2 prompts.category). */
public enum PromptCategory {
    GENERATION,
    FACT_CHECK,
    CHAT,
    IMPROVEMENT;

    /** The spelling of the API and the database: {@code fact_check}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PromptCategory of(String wireName) {
        for (PromptCategory category : values()) {
            if (category.wireName().equals(wireName)) {
                return category;
            }
        }
        throw new DomainException(ErrorCode.REQ_002, "category must be one of "
                + Arrays.stream(values()).map(PromptCategory::wireName).collect(Collectors.joining(", ")));
    }
}
