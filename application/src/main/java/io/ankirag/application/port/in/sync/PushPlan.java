package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.domain.card.CardId;
import java.util.List;
import java.util.Map;

/**
 * What a push asks of Anki, worked out on the server without it: the decks and note types the notes need, the media
 * files they show, and the notes themselves. Whoever reaches the user's Anki carries it out ({@code PushExecutor}):
 * the server's worker, or the desktop agent.
 *
 * @param noteTypes created from the cards' templates where Anki lacks them; an existing one is never changed
 * @param media     names of files the server has, which Anki gets before the notes
 */
public record PushPlan(List<String> decks, List<NoteTypeSpec> noteTypes, List<String> media, List<PlannedNote> notes) {

    public PushPlan {
        decks = List.copyOf(decks);
        noteTypes = List.copyOf(noteTypes);
        media = List.copyOf(media);
        notes = List.copyOf(notes);
    }

    /**
     * @param fields     in the note type's order
     * @param ankiNoteId the note the card already has in Anki, to update; {@code null} to add one
     */
    public record PlannedNote(CardId cardId, String deck, String noteType, Map<String, String> fields, List<String> tags,
                              Long ankiNoteId) {
    }

    /**
     * What Anki did with one planned note.
     *
     * @param ankiNoteId the note added or updated; {@code null} when it failed
     * @param error      why it failed; {@code null} when it did not
     */
    public record NoteResult(CardId cardId, Long ankiNoteId, String error) {

        public boolean succeeded() {
            return error == null;
        }
    }
}
