package io.ankirag.application.port.in.template;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;

/** The templates a user may use: the system ones and their own. Other users' templates do not exist here. */
public interface TemplateQuery {

    /** @throws io.ankirag.domain.error.DomainException {@code TEMPLATE_001} when the user may not see such a template */
    TemplateView template(UserId user, TemplateId id);

    /** System templates first, then the user's own, each sorted by name. */
    Page<TemplateView> templates(UserId user, PageRequest page);
}
