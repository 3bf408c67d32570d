package io.ankirag.application.anki;

/**
 * A card: which note it shows, in which deck, and its ordinal: the template's position for a standard note type,
 * the cloze number minus one for a cloze one.
 */
public record AnkiCard(long ankiId, long noteId, long deckId, int ordinal) {
}
