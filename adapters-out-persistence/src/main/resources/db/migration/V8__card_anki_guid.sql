-- Anki's note guid, kept from import so that an exported note updates Anki's copy instead of duplicating it.
ALTER TABLE cards ADD COLUMN anki_guid TEXT;
