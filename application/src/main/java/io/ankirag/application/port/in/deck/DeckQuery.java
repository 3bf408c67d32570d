package io.ankirag.application.port.in.deck;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;

/** The caller's decks; other users' decks do not exist as far as these answers go. */
public interface DeckQuery {

    /** @throws io.ankirag.domain.error.DomainException {@code DECK_001} when the owner has no such deck */
    DeckView deck(UserId owner, DeckId id);

    /** Top-level decks and their descendants, each level sorted by name. */
    List<DeckNode> tree(UserId owner);

    /** All decks of the owner, flat, sorted by name; {@code parentId} narrows to one deck's children. */
    Page<DeckView> decks(UserId owner, PageRequest page);
}
