package io.ankirag.application.deck;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.deck.DeckNode;
import io.ankirag.application.port.in.deck.DeckQuery;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckCommand.DeleteDeck;
import io.ankirag.domain.deck.DeckCommand.DescribeDeck;
import io.ankirag.domain.deck.DeckCommand.MoveDeck;
import io.ankirag.domain.deck.DeckCommand.RenameDeck;
import io.ankirag.domain.deck.DeckDescription;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.deck.DeckName;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.List;

public class DeckService implements DeckQuery, ManageDecksUseCase {

    private final SendCommandPort commands;
    private final DeckReadModelPort decks;
    private final DeckContentsPort contents;
    private final Clock clock;

    public DeckService(SendCommandPort commands, DeckReadModelPort decks, DeckContentsPort contents, Clock clock) {
        this.commands = commands;
        this.decks = decks;
        this.contents = contents;
        this.clock = clock;
    }

    @Override
    public DeckView deck(UserId owner, DeckId id) {
        return decks.deckOf(owner, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<DeckNode> tree(UserId owner) {
        return new DeckForest(decks.allDecksOf(owner)).tree();
    }

    @Override
    public Page<DeckView> decks(UserId owner, PageRequest page) {
        return decks.deckPage(owner, page);
    }

    @Override
    public DeckView createDeck(UserId owner, NewDeck request) {
        DeckName name = new DeckName(request.name());
        DeckDescription description = new DeckDescription(request.description());
        if (request.parentId() != null) {
            deck(owner, request.parentId());
        }
        DeckId id = DeckId.newId(clock);
        commands.send(new CreateDeck(id, owner, name, description, request.parentId(), clock.instant()));
        return deck(owner, id);
    }

    @Override
    public DeckView changeDeck(UserId owner, DeckId id, DeckChanges changes) {
        deck(owner, id);
        // Every value is checked before the first command, so a bad one changes nothing.
        DeckName name = changes.name() == null ? null : new DeckName(changes.name());
        DeckDescription description = changes.description() == null ? null : new DeckDescription(changes.description());
        if (changes.moveToRoot()) {
            commands.send(new MoveDeck(id, owner, null, List.of(), clock.instant()));
        } else if (changes.parentId() != null) {
            deck(owner, changes.parentId());
            List<DeckId> path = new DeckForest(decks.allDecksOf(owner)).pathToRoot(changes.parentId());
            commands.send(new MoveDeck(id, owner, changes.parentId(), path, clock.instant()));
        }
        if (name != null) {
            commands.send(new RenameDeck(id, owner, name, clock.instant()));
        }
        if (description != null) {
            commands.send(new DescribeDeck(id, owner, description, clock.instant()));
        }
        return deck(owner, id);
    }

    @Override
    public void deleteDeck(UserId owner, DeckId id) {
        deck(owner, id);
        for (DeckId doomed : new DeckForest(decks.allDecksOf(owner)).subtreeDeepestFirst(id)) {
            contents.deleteCardsIn(owner, doomed);
            commands.send(new DeleteDeck(doomed, owner, clock.instant()));
        }
    }

    private static DomainException notFound(DeckId id) {
        return new DomainException(ErrorCode.DECK_001, "no deck with id " + id);
    }
}
