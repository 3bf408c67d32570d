package io.ankirag.application.port.in.sync;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.nio.file.Path;

/** Exports a deck of the owner, with its sub-decks, as an Anki package that Anki imports. */
public interface ExportDeckUseCase {

    /**
     * Writes the deck, its sub-decks, their cards (not rejected ones), the templates those cards use and the media
     * files their fields reference to a new temporary .apkg file. Notes keep a guid derived from the card id, so
     * importing a later export into Anki updates the notes instead of duplicating them.
     *
     * @param onlyApproved export only approved cards (including synced ones and ones whose sync failed)
     * @return the package file and the name to offer for it; the caller deletes the file
     * @throws io.ankirag.domain.error.DomainException {@code DECK_001} when the owner has no such deck
     */
    ExportedDeck exportDeck(UserId owner, DeckId deck, boolean onlyApproved);

    /** @param deckName the exported deck's own name, for naming the download */
    record ExportedDeck(Path file, String deckName) {
    }
}
