package io.ankirag.application.anki;

import java.util.List;

/** Everything a package holds, in the order the collection returned it. */
public record AnkiPackage(AnkiPackageFormat format, List<AnkiDeck> decks, List<AnkiNoteType> noteTypes,
                          List<AnkiNote> notes, List<AnkiCard> cards, List<AnkiMedia> media) {

    public AnkiPackage {
        decks = List.copyOf(decks);
        noteTypes = List.copyOf(noteTypes);
        notes = List.copyOf(notes);
        cards = List.copyOf(cards);
        media = List.copyOf(media);
    }
}
