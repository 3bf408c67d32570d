package io.ankirag.application.port.in.deck;

import java.util.List;

/** One deck of the tree with its sub-decks; {@code totalCardsCount} includes every sub-deck's cards. */
public record DeckNode(DeckView deck, long totalCardsCount, List<DeckNode> children) {

    public DeckNode {
        children = List.copyOf(children);
    }
}
