package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;

/**
 * Everything about a template that its owner may revise. Checks that need the template's kind (cloze rules,
 * field references) are the aggregate's; this record only checks each part on its own.
 */
public record TemplateDesign(String displayName, TemplateFields fields, List<CardType> cardTypes, String css) {

    static final int MAX_DISPLAY_NAME_LENGTH = 255;
    static final int MAX_CSS_LENGTH = 100_000;

    public TemplateDesign {
        if (displayName == null || displayName.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "display name must not be blank");
        }
        displayName = displayName.strip();
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "display name must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (fields == null) {
            throw new DomainException(ErrorCode.REQ_002, "a template needs at least one field");
        }
        cardTypes = cardTypes == null ? List.of() : List.copyOf(cardTypes);
        if (cardTypes.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, "a template needs at least one card type");
        }
        if (cardTypes.stream().map(type -> type.name().toLowerCase()).distinct().count() != cardTypes.size()) {
            throw new DomainException(ErrorCode.REQ_002, "card type names must be unique (ignoring case)");
        }
        css = css == null ? "" : css;
        if (css.length() > MAX_CSS_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "css must be at most " + MAX_CSS_LENGTH + " characters");
        }
    }
}
