package io.ankirag.domain.template;

import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;

public sealed interface TemplateEvent {

    TemplateId templateId();

    Instant at();

    record TemplateCreated(TemplateId templateId, UserId ownerId, String name, TemplateKind kind, String displayName,
                           List<TemplateField> fields, List<CardType> cardTypes, String css, Instant at)
            implements TemplateEvent {

        public TemplateCreated {
            fields = List.copyOf(fields);
            cardTypes = List.copyOf(cardTypes);
        }
    }

    record TemplateRevised(TemplateId templateId, String displayName, List<TemplateField> fields, List<CardType> cardTypes,
                           String css, Instant at) implements TemplateEvent {

        public TemplateRevised {
            fields = List.copyOf(fields);
            cardTypes = List.copyOf(cardTypes);
        }
    }

    record TemplateDeleted(TemplateId templateId, Instant at) implements TemplateEvent {
    }
}
