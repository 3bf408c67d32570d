package io.ankirag.application.port.in.template;

import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.Map;

public interface TemplatePreviewQuery {

    /** Both sides of one card as Anki would render them (raw HTML: whoever displays it sanitises it), and the CSS. */
    record CardPreview(String question, String answer, String css) {
    }

    /**
     * Renders the card a note with these field values would yield. For a cloze template {@code cardOrdinal}
     * is the cloze number ({@code c1} is 1); for a standard one it is the card type, 1 for the first.
     * Fields left out are empty.
     *
     * @throws io.ankirag.domain.error.DomainException {@code TEMPLATE_001} a template the user may not see;
     *                                                 {@code REQ_002} an unknown field or no such card type
     */
    CardPreview preview(UserId user, TemplateId id, Map<String, String> fields, int cardOrdinal);
}
