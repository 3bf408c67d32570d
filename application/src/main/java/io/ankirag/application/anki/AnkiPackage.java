package io.ankirag.application.anki;

import java.util.List;

/**
 * Everything a package holds, in the order the collection returned it. Closing it releases what reading its
 * media keeps open (a reader may keep the package's zip open from the first media file on); its media can still be
 * opened afterwards, at the cost of opening the package again.
 *
 * @param release what {@link #close()} runs; nothing for a package built in memory
 */
public record AnkiPackage(AnkiPackageFormat format, List<AnkiDeck> decks, List<AnkiNoteType> noteTypes,
                          List<AnkiNote> notes, List<AnkiCard> cards, List<AnkiMedia> media, Runnable release)
        implements AutoCloseable {

    public AnkiPackage {
        decks = List.copyOf(decks);
        noteTypes = List.copyOf(noteTypes);
        notes = List.copyOf(notes);
        cards = List.copyOf(cards);
        media = List.copyOf(media);
        release = release == null ? () -> { } : release;
    }

    public AnkiPackage(AnkiPackageFormat format, List<AnkiDeck> decks, List<AnkiNoteType> noteTypes,
                       List<AnkiNote> notes, List<AnkiCard> cards, List<AnkiMedia> media) {
        this(format, decks, noteTypes, notes, cards, media, null);
    }

    @Override
    public void close() {
        release.run();
    }
}
