package io.ankirag.adapter.in.rest.card;

import io.ankirag.adapter.in.rest.card.CardDtos.CardResponse;
import io.ankirag.adapter.in.rest.card.CardDtos.HistoryEntryResponse;
import io.ankirag.application.port.in.card.CardHistoryEntry;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.Locale;
import java.util.UUID;
import io.ankirag.adapter.in.rest.mapping.DomainIds;
import org.mapstruct.Mapper;

@Mapper(uses = DomainIds.class)
interface CardDtoMapper {

    CardResponse toResponse(CardView card);

    HistoryEntryResponse toResponse(CardHistoryEntry entry);

    default String status(CardStatus status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    default String origin(CardOrigin origin) {
        return origin == null ? null : origin.name().toLowerCase(Locale.ROOT);
    }
}
