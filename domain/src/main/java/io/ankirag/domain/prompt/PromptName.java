package io.ankirag.domain.prompt;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.regex.Pattern;

/** How code and URLs refer to a prompt ({@code card_generator}): lower-case, so no two names differ by case only. */
public record PromptName(String value) {

    static final int MAX_LENGTH = 100;
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_-]*");

    public PromptName {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "prompt name must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new DomainException(ErrorCode.REQ_002, "prompt name '" + value + "' is not allowed: at most " + MAX_LENGTH
                    + " characters of a-z, 0-9, _ and -, starting with a letter");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
