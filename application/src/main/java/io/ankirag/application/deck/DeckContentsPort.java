package io.ankirag.application.deck;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;

/** What deleting a deck must do to the cards inside it; the card use cases implement it. */
public interface DeckContentsPort {

    void deleteCardsIn(UserId owner, DeckId deck);
}
