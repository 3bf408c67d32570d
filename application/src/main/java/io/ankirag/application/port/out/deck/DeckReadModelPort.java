package io.ankirag.application.port.out.deck;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The decks read model, always scoped to one owner; deleted decks are invisible. */
public interface DeckReadModelPort {

    Optional<DeckView> deckOf(UserId owner, DeckId id);

    /** Every live deck of the owner, for building the tree. */
    List<DeckView> allDecksOf(UserId owner);

    Page<DeckView> deckPage(UserId owner, PageRequest page);
}
