package io.ankirag.application.port.in.deck;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;

public interface ManageDecksUseCase {

    record NewDeck(String name, String description, DeckId parentId) {
    }

    /**
     * {@code null} leaves a value as it is; {@code moveToRoot} makes the deck top-level (a {@code null}
     * {@code parentId} alone means "don't move").
     */
    record DeckChanges(String name, String description, DeckId parentId, boolean moveToRoot) {
    }

    /** @throws io.ankirag.domain.error.DomainException {@code DECK_001} when the parent is not the owner's deck */
    DeckView createDeck(UserId owner, NewDeck deck);

    /**
     * @throws io.ankirag.domain.error.DomainException {@code DECK_001} unknown deck or parent,
     *                                                 {@code DECK_003} a move under itself or a descendant
     */
    DeckView changeDeck(UserId owner, DeckId id, DeckChanges changes);

    /** Deletes the deck, its sub-decks and every card in them. */
    void deleteDeck(UserId owner, DeckId id);
}
