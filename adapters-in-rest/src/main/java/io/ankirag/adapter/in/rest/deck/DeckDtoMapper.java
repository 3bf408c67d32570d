package io.ankirag.adapter.in.rest.deck;

import io.ankirag.adapter.in.rest.deck.DeckDtos.DeckResponse;
import io.ankirag.adapter.in.rest.deck.DeckDtos.DeckTreeNode;
import io.ankirag.application.port.in.deck.DeckNode;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.UUID;
import io.ankirag.adapter.in.rest.mapping.DomainIds;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = DomainIds.class)
interface DeckDtoMapper {

    DeckResponse toResponse(DeckView deck);

    @Mapping(target = "id", source = "deck.id")
    @Mapping(target = "name", source = "deck.name")
    @Mapping(target = "description", source = "deck.description")
    @Mapping(target = "parentId", source = "deck.parentId")
    @Mapping(target = "cardsCount", source = "deck.cardsCount")
    DeckTreeNode toTreeNode(DeckNode node);

}
