package io.ankirag.adapter.in.rest.mapping;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The domain's identifier records as the bare UUIDs the API shows, for every MapStruct mapper ({@code uses}). */
@Component
public class DomainIds {

    public UUID userId(UserId id) {
        return id == null ? null : id.value();
    }

    public UUID deckId(DeckId id) {
        return id == null ? null : id.value();
    }

    public DeckId deckId(UUID id) {
        return id == null ? null : new DeckId(id);
    }

    public UUID cardId(CardId id) {
        return id == null ? null : id.value();
    }

    public UUID templateId(TemplateId id) {
        return id == null ? null : id.value();
    }

    public UUID promptId(PromptId id) {
        return id == null ? null : id.value();
    }

    public UUID promptVersionId(PromptVersionId id) {
        return id == null ? null : id.value();
    }
}
