package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateCommand.DeleteTemplate;
import io.ankirag.domain.template.TemplateCommand.ReviseTemplate;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateEvent.TemplateDeleted;
import io.ankirag.domain.template.TemplateEvent.TemplateRevised;
import io.ankirag.domain.template.render.AnkiTemplateRenderer;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A card template's lifecycle (Anki's note type): {@link Unborn} until created, {@link Active} while in use,
 * {@link Deleted} for good.
 *
 * <p>System templates belong to {@link UserId#SYSTEM}: users may use them but not change them ({@code AUTH_004}).
 * Another user's template answers exactly like a missing one ({@code TEMPLATE_001}).
 */
public sealed interface CardTemplate {

    List<TemplateEvent> decide(TemplateCommand command);

    CardTemplate evolve(TemplateEvent event);

    static CardTemplate initial() {
        return new Unborn();
    }

    record Unborn() implements CardTemplate {

        @Override
        public List<TemplateEvent> decide(TemplateCommand command) {
            if (command instanceof CreateTemplate create) {
                checkDesign(create.kind(), create.design());
                TemplateDesign design = create.design();
                return List.of(new TemplateCreated(create.templateId(), create.actor(), create.name().value(), create.kind(),
                        design.displayName(), design.fields().fields(), design.cardTypes(), design.css(), create.at()));
            }
            throw notFound(command.templateId());
        }

        @Override
        public CardTemplate evolve(TemplateEvent event) {
            if (event instanceof TemplateCreated created) {
                return new Active(created.templateId(), created.ownerId(), created.name(), created.kind(),
                        new TemplateDesign(created.displayName(), new TemplateFields(created.fields()), created.cardTypes(),
                                created.css()));
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    record Active(TemplateId id, UserId ownerId, String name, TemplateKind kind, TemplateDesign design)
            implements CardTemplate {

        @Override
        public List<TemplateEvent> decide(TemplateCommand command) {
            if (!ownerId.equals(command.actor())) {
                throw ownerId.equals(UserId.SYSTEM) ? systemTemplate(name) : notFound(id);
            }
            return switch (command) {
                // Seeding creates the system templates again on every start, then revises them to the current design.
                case CreateTemplate create -> {
                    if (create.name().value().equals(name) && create.kind() == kind) {
                        yield List.of();
                    }
                    throw new DomainException(ErrorCode.REQ_002, "template " + id + " already exists");
                }
                case ReviseTemplate revise -> {
                    checkDesign(kind, revise.design());
                    TemplateDesign next = revise.design();
                    yield next.equals(design) ? List.of() : List.of(new TemplateRevised(id, next.displayName(),
                            next.fields().fields(), next.cardTypes(), next.css(), revise.at()));
                }
                case DeleteTemplate delete -> List.of(new TemplateDeleted(id, delete.at()));
            };
        }

        @Override
        public CardTemplate evolve(TemplateEvent event) {
            return switch (event) {
                case TemplateCreated created -> throw new ImpossibleHistory(this, event);
                case TemplateRevised revised -> new Active(id, ownerId, name, kind, new TemplateDesign(revised.displayName(),
                        new TemplateFields(revised.fields()), revised.cardTypes(), revised.css()));
                case TemplateDeleted deleted -> new Deleted(id, ownerId);
            };
        }
    }

    record Deleted(TemplateId id, UserId ownerId) implements CardTemplate {

        @Override
        public List<TemplateEvent> decide(TemplateCommand command) {
            throw notFound(id);
        }

        @Override
        public CardTemplate evolve(TemplateEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    /**
     * The checks Anki makes when a note type is saved (a field on every front, no two identical fronts, cloze
     * filters exactly in cloze note types), plus one Anki only finds when rendering: every field shown exists.
     */
    private static void checkDesign(TemplateKind kind, TemplateDesign design) {
        List<String> problems = new ArrayList<>();
        Set<String> fieldNames = Set.copyOf(design.fields().names());
        if (kind == TemplateKind.CLOZE && design.cardTypes().size() != 1) {
            problems.add("a cloze template has exactly one card type");
        }
        Set<String> fronts = new HashSet<>();
        for (CardType type : design.cardTypes()) {
            Set<String> onFront = AnkiTemplateRenderer.referencedFields(type.frontTemplate());
            Set<String> shown = new LinkedHashSet<>(onFront);
            shown.addAll(AnkiTemplateRenderer.referencedFields(type.backTemplate()));
            shown.stream().filter(field -> !fieldNames.contains(field)).forEach(unknown ->
                    problems.add("card type '" + type.name() + "' uses unknown field '" + unknown + "'"));
            if (onFront.isEmpty()) {
                problems.add("the front of card type '" + type.name() + "' shows no field");
            }
            boolean frontUsesCloze = !TemplateTags.clozeFields(type.frontTemplate()).isEmpty();
            boolean usesCloze = frontUsesCloze || !TemplateTags.clozeFields(type.backTemplate()).isEmpty();
            if (kind == TemplateKind.CLOZE && !frontUsesCloze) {
                problems.add("the front of a cloze template must use {{cloze:Field}}");
            }
            if (kind == TemplateKind.STANDARD && usesCloze) {
                problems.add("card type '" + type.name() + "' uses the cloze filter, which only cloze templates may");
            }
            if (!fronts.add(type.frontTemplate().strip())) {
                problems.add("card type '" + type.name() + "' has the same front as another one");
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, String.join("; ", problems));
        }
    }

    private static DomainException notFound(TemplateId id) {
        return new DomainException(ErrorCode.TEMPLATE_001, "no template with id " + id);
    }

    private static DomainException systemTemplate(String name) {
        return new DomainException(ErrorCode.AUTH_004,
                "'" + name + "' is a system template: it cannot be changed or deleted; create a template of your own instead");
    }

}
