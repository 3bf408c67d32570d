package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.regex.Pattern;

/**
 * One field of a note type, as Anki knows it. Anki forbids {@code : { } " # ^ /} at the start or anywhere a
 * template tag could misread the name, so such names are refused.
 */
public record TemplateField(String name, boolean required) {

    static final int MAX_LENGTH = 100;
    private static final Pattern FORBIDDEN = Pattern.compile("[:{}\"]|^[#^/]");

    public TemplateField {
        if (name == null || name.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "field name must not be blank");
        }
        name = name.strip();
        if (name.length() > MAX_LENGTH || FORBIDDEN.matcher(name).find()) {
            throw new DomainException(ErrorCode.REQ_002,
                    "field name '" + name + "' is not allowed: at most " + MAX_LENGTH + " characters, no : { } \" and not starting with # ^ /");
        }
    }
}
