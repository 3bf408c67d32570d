package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** How a template is known, unique among its owner's templates (Anki's note type name). */
public record TemplateName(String value) {

    static final int MAX_LENGTH = 100;

    public TemplateName {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "template name must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "template name must be at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
