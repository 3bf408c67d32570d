-- When a card last matched its Anki note (issue 8): set by a push or pull that synced it, and at the import of a
-- card from Anki. A pull compares it with both sides' modification times to tell a conflict from a one-sided edit.
ALTER TABLE cards ADD COLUMN synced_at TIMESTAMPTZ;
UPDATE cards SET synced_at = updated_at WHERE status = 'synced';
