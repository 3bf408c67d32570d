package io.ankirag.application.port.in.template;

import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.util.List;

/** A user's own templates. System templates are read-only: changing one is refused with {@code AUTH_004}. */
public interface ManageTemplatesUseCase {

    /** {@code displayName} defaults to the name, {@code kind} to standard. */
    record NewTemplate(String name, String displayName, TemplateKind kind, List<TemplateField> fields,
                       List<CardType> cardTypes, String css) {
    }

    /** {@code null} leaves a part as it is; fields and card types are replaced as whole lists. */
    record TemplateChanges(String displayName, List<TemplateField> fields, List<CardType> cardTypes, String css) {
    }

    /** @throws io.ankirag.domain.error.DomainException {@code REQ_002} an invalid template or a name the owner already uses */
    TemplateView createTemplate(UserId owner, NewTemplate template);

    /**
     * @throws io.ankirag.domain.error.DomainException {@code TEMPLATE_001} unknown or another user's template,
     *                                                 {@code AUTH_004} a system template, {@code REQ_002} invalid result
     */
    TemplateView reviseTemplate(UserId owner, TemplateId id, TemplateChanges changes);

    /** @throws io.ankirag.domain.error.DomainException {@code TEMPLATE_001} or {@code AUTH_004} as for a revision */
    void deleteTemplate(UserId owner, TemplateId id);
}
