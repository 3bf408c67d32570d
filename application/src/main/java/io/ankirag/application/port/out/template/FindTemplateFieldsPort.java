package io.ankirag.application.port.out.template;

import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.Optional;

public interface FindTemplateFieldsPort {

    /**
     * The fields of a template the user may use: a system template, or one of their own. Empty for a deleted
     * template, another user's, or one that never existed.
     */
    Optional<TemplateFields> templateFieldsFor(UserId user, TemplateId template);
}
