package io.ankirag.application.card;

import io.ankirag.application.deck.DeckContentsPort;
import io.ankirag.application.deck.DeckForest;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardHistoryEntry;
import io.ankirag.application.port.in.card.CardQuery;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.card.RecordSyncOutcomeUseCase;
import io.ankirag.application.port.out.card.CardEventStreamPort;
import io.ankirag.application.port.out.card.CardEventStreamPort.RecordedCardEvent;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.DeleteCard;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardCommand.MoveCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardCommand.RecordSyncFailure;
import io.ankirag.domain.card.CardCommand.RejectCard;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public class CardService implements CardQuery, ManageCardsUseCase, RecordSyncOutcomeUseCase, DeckContentsPort {

    private final SendCommandPort commands;
    private final CardReadModelPort cards;
    private final CardEventStreamPort events;
    private final FindTemplateFieldsPort templates;
    private final DeckReadModelPort decks;
    private final Clock clock;

    public CardService(SendCommandPort commands, CardReadModelPort cards, CardEventStreamPort events,
                       FindTemplateFieldsPort templates, DeckReadModelPort decks, Clock clock) {
        this.commands = commands;
        this.cards = cards;
        this.events = events;
        this.templates = templates;
        this.decks = decks;
        this.clock = clock;
    }

    @Override
    public CardView card(UserId owner, CardId id) {
        return cards.cardOf(owner, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public CardSlice cards(UserId owner, CardFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.REQ_002, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<DeckId> scope = null;
        if (filter.deck() != null) {
            requireDeck(owner, filter.deck());
            scope = filter.includeSubdecks()
                    ? new DeckForest(decks.allDecksOf(owner)).subtreeDeepestFirst(filter.deck())
                    : List.of(filter.deck());
        }
        return cards.cardSlice(owner, filter, scope, cursor, limit);
    }

    @Override
    public List<CardHistoryEntry> history(UserId owner, CardId id) {
        List<RecordedCardEvent> stream = events.eventsOf(id);
        if (stream.isEmpty() || !(stream.getFirst().event() instanceof CardCreated created) || !created.ownerId().equals(owner)) {
            throw notFound(id);
        }
        return CardHistory.of(stream);
    }

    @Override
    public CardView createCard(UserId owner, NewCard card) {
        requireDeck(owner, card.deckId());
        TemplateFields schema = fieldsOf(owner, card.templateId());
        CardId id = CardId.newId(clock);
        commands.send(new CreateCard(id, owner, card.deckId(), card.templateId(), schema, orEmpty(card.fields()),
                new Tags(card.tags()), CardOrigin.MANUAL, null, clock.instant()));
        return card(owner, id);
    }

    @Override
    public BulkResult createCards(UserId owner, DeckId deckId, TemplateId templateId, List<CardContent> contents) {
        if (contents.size() > MAX_BULK) {
            throw new DomainException(ErrorCode.REQ_002, "at most " + MAX_BULK + " cards per request");
        }
        requireDeck(owner, deckId);
        TemplateFields schema = fieldsOf(owner, templateId);
        List<BulkFailure> failed = new ArrayList<>();
        List<CardCommand> accepted = new ArrayList<>();
        List<Integer> acceptedIndexes = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            CardContent content = contents.get(i);
            try {
                // Value checks here, template checks in the aggregate: both report per card.
                Tags tags = new Tags(content.tags());
                accepted.add(new CreateCard(CardId.newId(clock), owner, deckId, templateId, schema, orEmpty(content.fields()),
                        tags, CardOrigin.MANUAL, null, clock.instant()));
                acceptedIndexes.add(i);
            } catch (DomainException invalid) {
                failed.add(new BulkFailure(i, invalid.code(), invalid.detail()));
            }
        }
        List<DomainException> refusals = commands.sendEach(accepted);
        List<CardId> createdIds = new ArrayList<>();
        for (int j = 0; j < accepted.size(); j++) {
            DomainException refusal = refusals.get(j);
            if (refusal == null) {
                createdIds.add(accepted.get(j).cardId());
            } else {
                failed.add(new BulkFailure(acceptedIndexes.get(j), refusal.code(), refusal.detail()));
            }
        }
        List<CardView> created = cards.cardsOf(owner, createdIds);
        failed.sort(Comparator.comparingInt(BulkFailure::index));
        return new BulkResult(created, failed);
    }

    @Override
    public CardView editCard(UserId owner, CardId id, CardContent content) {
        CardView current = card(owner, id);
        TemplateFields schema = content.fields() == null ? null : fieldsOf(owner, current.templateId());
        Tags tags = content.tags() == null ? null : new Tags(content.tags());
        commands.send(new EditCard(id, owner, schema, content.fields(), tags, clock.instant()));
        return card(owner, id);
    }

    @Override
    public CardView moveCard(UserId owner, CardId id, DeckId deckId) {
        card(owner, id);
        requireDeck(owner, deckId);
        commands.send(new MoveCard(id, owner, deckId, clock.instant()));
        return card(owner, id);
    }

    @Override
    public CardView approveCard(UserId owner, CardId id) {
        return sendAndRead(owner, new ApproveCard(id, owner, clock.instant()));
    }

    @Override
    public CardView rejectCard(UserId owner, CardId id, String reason) {
        return sendAndRead(owner, new RejectCard(id, owner, reason, clock.instant()));
    }

    @Override
    public void deleteCard(UserId owner, CardId id) {
        commands.send(new DeleteCard(id, owner, clock.instant()));
    }

    @Override
    public CardView recordSynced(UserId owner, CardId id, AnkiIds ankiIds) {
        return sendAndRead(owner, new RecordCardSynced(id, owner, ankiIds, clock.instant()));
    }

    @Override
    public CardView recordSyncFailure(UserId owner, CardId id, String error) {
        return sendAndRead(owner, new RecordSyncFailure(id, owner, error, clock.instant()));
    }

    @Override
    public void deleteCardsIn(UserId owner, DeckId deck) {
        List<CardCommand> deletions = cards.cardIdsIn(owner, deck).stream()
                .<CardCommand>map(id -> new DeleteCard(id, owner, clock.instant()))
                .toList();
        commands.sendEach(deletions).stream().filter(Objects::nonNull).findFirst().ifPresent(refusal -> {
            throw refusal;
        });
    }

    private void requireDeck(UserId owner, DeckId deck) {
        if (decks.deckOf(owner, deck).isEmpty()) {
            throw new DomainException(ErrorCode.DECK_001, "no deck with id " + deck);
        }
    }

    private CardView sendAndRead(UserId owner, CardCommand command) {
        commands.send(command);
        return card(owner, command.cardId());
    }

    private TemplateFields fieldsOf(UserId owner, TemplateId templateId) {
        return templates.templateFieldsFor(owner, templateId)
                .orElseThrow(() -> new DomainException(ErrorCode.TEMPLATE_001, "no template with id " + templateId));
    }

    private static Map<String, String> orEmpty(Map<String, String> fields) {
        return fields == null ? Map.of() : fields;
    }

    private static DomainException notFound(CardId id) {
        return new DomainException(ErrorCode.CARD_001, "no card with id " + id);
    }
}
