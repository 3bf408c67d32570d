package io.ankirag.domain.card;

/**
 * Anki's own ids of the note and card behind one of ours, kept so that later syncs match them up.
 *
 * @param guid       the note's globally unique id, by which Anki recognises a note it already has on import;
 *                   {@code null} when unknown (events stored before it was recorded read back that way)
 * @param noteTypeId the id of the note's note type in Anki: Anki updates a note only from a note of the same note
 *                   type, so an export must name it; {@code null} when unknown, as for {@code guid}
 */
public record AnkiIds(long noteId, Long cardId, String guid, Long noteTypeId) {

    public AnkiIds(long noteId, Long cardId) {
        this(noteId, cardId, null, null);
    }
}
