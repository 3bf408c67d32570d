package io.ankirag.application.template;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.template.ManageTemplatesUseCase;
import io.ankirag.application.port.in.template.SeedSystemTemplatesUseCase;
import io.ankirag.application.port.in.template.TemplatePreviewQuery;
import io.ankirag.application.port.in.template.TemplateQuery;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.template.TemplateReadModelPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.SystemTemplates.SystemTemplate;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateCommand.DeleteTemplate;
import io.ankirag.domain.template.TemplateCommand.ReviseTemplate;
import io.ankirag.domain.template.TemplateDesign;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.template.TemplateName;
import io.ankirag.domain.template.render.AnkiTemplateRenderer;
import io.ankirag.domain.template.render.RenderedCard;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class TemplateService implements TemplateQuery, ManageTemplatesUseCase, SeedSystemTemplatesUseCase, TemplatePreviewQuery {

    private final SendCommandPort commands;
    private final TemplateReadModelPort templates;
    private final Clock clock;

    public TemplateService(SendCommandPort commands, TemplateReadModelPort templates, Clock clock) {
        this.commands = commands;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public TemplateView template(UserId user, TemplateId id) {
        return templates.visibleTemplate(user, id)
                .orElseThrow(() -> new DomainException(ErrorCode.TEMPLATE_001, "no template with id " + id));
    }

    @Override
    public Page<TemplateView> templates(UserId user, PageRequest page) {
        return templates.visibleTemplatePage(user, page);
    }

    @Override
    public TemplateView createTemplate(UserId owner, NewTemplate request) {
        TemplateName name = new TemplateName(request.name());
        String displayName = request.displayName() == null || request.displayName().isBlank() ? name.value() : request.displayName();
        TemplateDesign design = new TemplateDesign(displayName, fields(request.fields()), request.cardTypes(), request.css());
        // Checked against the read model, so two simultaneous creations could both pass; a rare, harmless duplicate.
        if (templates.ownsTemplateNamed(owner, name.value())) {
            throw new DomainException(ErrorCode.REQ_002, "you already have a template named '" + name + "'");
        }
        TemplateId id = TemplateId.newId(clock);
        TemplateKind kind = request.kind() == null ? TemplateKind.STANDARD : request.kind();
        commands.send(new CreateTemplate(id, owner, name, kind, design, clock.instant()));
        return template(owner, id);
    }

    @Override
    public TemplateView reviseTemplate(UserId owner, TemplateId id, TemplateChanges changes) {
        TemplateView current = template(owner, id);
        TemplateDesign design = new TemplateDesign(
                changes.displayName() == null ? current.displayName() : changes.displayName(),
                changes.fields() == null ? current.fields() : fields(changes.fields()),
                changes.cardTypes() == null ? current.cardTypes() : changes.cardTypes(),
                changes.css() == null ? current.css() : changes.css());
        commands.send(new ReviseTemplate(id, owner, design, clock.instant()));
        return template(owner, id);
    }

    @Override
    public void deleteTemplate(UserId owner, TemplateId id) {
        template(owner, id);
        // A card keeps its template for rendering, editing and export, so a template in use stays. Checked against
        // the read model: a card created in the same instant could slip through, and still renders from its events.
        long inUse = templates.liveCardsUsing(owner, id);
        if (inUse > 0) {
            throw new DomainException(ErrorCode.TEMPLATE_002, "the template is used by " + inUse
                    + (inUse == 1 ? " card" : " cards") + "; delete those cards or move them to another template first");
        }
        commands.send(new DeleteTemplate(id, owner, clock.instant()));
    }

    /**
     * Creates and revises every system template each time: the aggregate answers the creation of an existing
     * template, and a revision to the design it already has, with no events; a design changed in a new release
     * becomes a revision.
     */
    @Override
    public void seedSystemTemplates() {
        for (SystemTemplate template : SystemTemplates.ALL) {
            commands.send(new CreateTemplate(template.id(), UserId.SYSTEM, template.name(), template.kind(), template.design(),
                    clock.instant()));
            commands.send(new ReviseTemplate(template.id(), UserId.SYSTEM, template.design(), clock.instant()));
        }
    }

    @Override
    public CardPreview preview(UserId user, TemplateId id, Map<String, String> fields, int cardOrdinal) {
        TemplateView template = template(user, id);
        Map<String, String> values = new HashMap<>();
        template.fields().names().forEach(name -> values.put(name, ""));
        fields.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new DomainException(ErrorCode.REQ_002, "unknown field '" + name + "' (this template has "
                        + String.join(", ", template.fields().names()) + ")");
            }
            values.put(name, value == null ? "" : value);
        });
        RenderedCard card = template.kind() == TemplateKind.CLOZE
                ? render(template.cardTypes().getFirst(), values, cardOrdinal)
                : render(cardType(template, cardOrdinal), values, 1);
        return new CardPreview(card.question(), card.answer(), template.css());
    }

    private static CardType cardType(TemplateView template, int ordinal) {
        if (ordinal < 1 || ordinal > template.cardTypes().size()) {
            throw new DomainException(ErrorCode.REQ_002,
                    "the card ordinal must be between 1 and " + template.cardTypes().size() + ", the number of card types");
        }
        return template.cardTypes().get(ordinal - 1);
    }

    private static RenderedCard render(CardType type, Map<String, String> values, int clozeOrdinal) {
        return AnkiTemplateRenderer.render(type.frontTemplate(), type.backTemplate(), values, clozeOrdinal);
    }

    private static TemplateFields fields(List<TemplateField> fields) {
        return new TemplateFields(fields == null ? List.of() : fields);
    }
}
