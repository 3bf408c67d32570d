package io.ankirag.application.port.in.template;

import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** A template as callers see it; {@code system} ones belong to {@link UserId#SYSTEM} and are everyone's. */
public record TemplateView(
        TemplateId id,
        UserId ownerId,
        String name,
        String displayName,
        TemplateKind kind,
        TemplateFields fields,
        List<CardType> cardTypes,
        String css,
        boolean system,
        Instant createdAt,
        Instant updatedAt) {

    public TemplateView {
        cardTypes = List.copyOf(cardTypes);
    }
}
