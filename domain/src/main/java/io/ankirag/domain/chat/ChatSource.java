package io.ankirag.domain.chat;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import java.util.Objects;

/**
 * One of the learner's cards an answer was grounded in: it was retrieved for the question and shown to the model.
 * Its deck and snippet are kept as they were then, so that an old answer shows the sources it was given.
 *
 * @param score   the retrieval's score (hybrid rank fusion), higher is closer
 * @param snippet the start of the card's text
 * @param cited   whether the answer cites it as {@code [card:ID]}
 */
public record ChatSource(CardId cardId, DeckId deckId, double score, String snippet, boolean cited) {

    public ChatSource {
        Objects.requireNonNull(cardId, "cardId");
        snippet = snippet == null ? "" : snippet;
    }
}
