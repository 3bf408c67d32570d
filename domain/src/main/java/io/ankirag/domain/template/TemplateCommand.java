package io.ankirag.domain.template;

import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

public sealed interface TemplateCommand extends AggregateCommand {

    TemplateId templateId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return templateId().value();
    }

    /** The caller has checked that the actor has no other template of this name. */
    record CreateTemplate(TemplateId templateId, UserId actor, TemplateName name, TemplateKind kind, TemplateDesign design,
                          Instant at) implements TemplateCommand {
    }

    /** Replaces every revisable part at once; the name and kind stay. */
    record ReviseTemplate(TemplateId templateId, UserId actor, TemplateDesign design, Instant at) implements TemplateCommand {
    }

    record DeleteTemplate(TemplateId templateId, UserId actor, Instant at) implements TemplateCommand {
    }
}
