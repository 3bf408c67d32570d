package io.ankirag.application.port.out.card;

import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The cards read model, always scoped to one owner; deleted cards are invisible. */
public interface CardReadModelPort {

    Optional<CardView> cardOf(UserId owner, CardId id);

    /** The owner's live cards among {@code ids}, in the order of {@code ids}; unknown ids are left out. */
    List<CardView> cardsOf(UserId owner, List<CardId> ids);

    /**
     * @param decks the decks to list from (a deck and its sub-decks, resolved by the caller), or {@code null}
     *              for all; {@code filter.deck()} is then ignored
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} for a cursor this port did not make
     */
    CardSlice cardSlice(UserId owner, CardFilter filter, List<DeckId> decks, String cursor, int limit);

    List<CardId> cardIdsIn(UserId owner, DeckId deck);

    /** The owner's live cards that came from (or went to) any of these Anki notes, in no particular order. */
    List<CardView> cardsOfAnkiNotes(UserId owner, List<Long> ankiNoteIds);
}
