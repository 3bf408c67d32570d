package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;

/**
 * Which cards to list; every criterion is optional ({@code null}).
 *
 * @param includeSubdecks with {@code deck}: also the cards of all its sub-decks
 * @param text            matched, ignoring case, anywhere in any field's text
 */
public record CardFilter(DeckId deck, boolean includeSubdecks, CardStatus status, String tag, String text, CardSort sort) {

    public CardFilter {
        sort = sort == null ? CardSort.NEWEST : sort;
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public enum CardSort { NEWEST, OLDEST, RECENTLY_UPDATED }
}
