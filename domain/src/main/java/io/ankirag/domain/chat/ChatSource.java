package io.ankirag.domain.chat;

import io.ankirag.domain.card.CardId;
import java.util.Objects;

/**
 * One of the learner's cards an answer was grounded in: it was retrieved for the question and shown to the model.
 *
 * @param score the retrieval's score (hybrid rank fusion), higher is closer
 * @param cited whether the answer cites it as {@code [card:ID]}
 */
public record ChatSource(CardId cardId, double score, boolean cited) {

    public ChatSource {
        Objects.requireNonNull(cardId, "cardId");
    }
}
