package io.ankirag.application.port.out.template;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.Optional;

/** The templates read model. "Visible" means live and either a system template or the user's own. */
public interface TemplateReadModelPort {

    Optional<TemplateView> visibleTemplate(UserId user, TemplateId id);

    /** System templates first, then by name. */
    Page<TemplateView> visibleTemplatePage(UserId user, PageRequest page);

    /** Whether the owner has a live template of this name, ignoring case. */
    boolean ownsTemplateNamed(UserId owner, String name);

    /** The owner's own live template of this name, ignoring case; never a system template. */
    Optional<TemplateView> ownTemplateNamed(UserId owner, String name);

    /** How many of the owner's cards that are not deleted are written with this template. */
    long liveCardsUsing(UserId owner, TemplateId template);
}
