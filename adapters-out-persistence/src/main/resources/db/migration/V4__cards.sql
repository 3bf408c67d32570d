-- Cards read model (spec 4.2 cards), built by the "library" projection together with decks.
-- Indexed for the card list: newest/oldest/updated per owner or per deck, by status, tag and text.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cards (
    id               UUID        PRIMARY KEY,
    owner_id         UUID        NOT NULL,
    deck_id          UUID        NOT NULL,
    template_id      UUID        NOT NULL,
    fields           JSON        NOT NULL,               -- JSON, not JSONB: keeps the template's field order
    tags             TEXT[]      NOT NULL DEFAULT '{}',
    tags_lower       TEXT[]      NOT NULL DEFAULT '{}',   -- Anki compares tags ignoring case
    search_text      TEXT        NOT NULL DEFAULT '',     -- lower-cased plain text of every field
    status           VARCHAR(16) NOT NULL CHECK (status IN ('draft', 'approved', 'rejected', 'synced', 'sync_failed')),
    origin           VARCHAR(16) NOT NULL,
    anki_note_id     BIGINT,
    anki_card_id     BIGINT,
    sync_error       TEXT,
    sync_attempts    INTEGER     NOT NULL DEFAULT 0,
    rejection_reason TEXT,
    created_by       UUID,
    updated_by       UUID,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    deleted_at       TIMESTAMPTZ
);

CREATE INDEX cards_owner_created_idx ON cards (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX cards_owner_updated_idx ON cards (owner_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX cards_deck_created_idx ON cards (deck_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX cards_owner_status_idx ON cards (owner_id, status, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX cards_tags_idx ON cards USING GIN (tags_lower) WHERE deleted_at IS NULL;
CREATE INDEX cards_search_idx ON cards USING GIN (search_text gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX cards_anki_note_idx ON cards (owner_id, anki_note_id) WHERE anki_note_id IS NOT NULL;
