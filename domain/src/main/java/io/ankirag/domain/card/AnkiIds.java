package io.ankirag.domain.card;

/** Anki's own ids of the note and card behind one of ours, kept so that later syncs match them up. */
public record AnkiIds(long noteId, Long cardId) {
}
