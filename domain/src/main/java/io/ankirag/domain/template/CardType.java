package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/**
 * One kind of card a note of the template yields (Anki's "card template"): the question side and the answer
 * side, written in Anki's template language. The back may be empty; the front may not.
 */
public record CardType(String name, String frontTemplate, String backTemplate) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TEMPLATE_LENGTH = 100_000;

    public CardType {
        if (name == null || name.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "card type name must not be blank");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "card type name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (frontTemplate == null || frontTemplate.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "card type '" + name + "' needs a front template");
        }
        backTemplate = backTemplate == null ? "" : backTemplate;
        if (frontTemplate.length() > MAX_TEMPLATE_LENGTH || backTemplate.length() > MAX_TEMPLATE_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002,
                    "card type '" + name + "': each side must be at most " + MAX_TEMPLATE_LENGTH + " characters");
        }
    }
}
