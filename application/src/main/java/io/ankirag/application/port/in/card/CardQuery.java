package io.ankirag.application.port.in.card;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;
import java.util.List;

/** The caller's cards; other users' cards do not exist as far as these answers go. */
public interface CardQuery {

    int MAX_LIMIT = 200;

    /** @throws io.ankirag.domain.error.DomainException {@code CARD_001} when the owner has no such card */
    CardView card(UserId owner, CardId id);

    /**
     * @param cursor {@code null} for the first slice, else a previous slice's {@code nextCursor}
     * @throws io.ankirag.domain.error.DomainException {@code DECK_001} for a filter on an unknown deck,
     *                                                 {@code REQ_002} for a bad cursor or limit
     */
    CardSlice cards(UserId owner, CardFilter filter, String cursor, int limit);

    /**
     * Every event of the card in order, read from the event store; deleted cards keep their history.
     *
     * @throws io.ankirag.domain.error.DomainException {@code CARD_001} when the card is not the owner's
     */
    List<CardHistoryEntry> history(UserId owner, CardId id);
}
