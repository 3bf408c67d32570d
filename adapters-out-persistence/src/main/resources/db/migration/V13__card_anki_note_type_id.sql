-- The id of the note's note type in Anki, kept from import: Anki updates a note only from a note of the same
-- note type, so an export names it for the notes that came from Anki.
ALTER TABLE cards ADD COLUMN anki_note_type_id BIGINT;
