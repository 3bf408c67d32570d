-- Decks read model (spec 4.2 decks), built by the "library" projection from Deck events.
-- No foreign keys: a projection is dropped and rebuilt from the event store at will.

CREATE TABLE decks (
    id           UUID         PRIMARY KEY,
    owner_id     UUID         NOT NULL,
    name         VARCHAR(255) NOT NULL,
    description  TEXT,
    parent_id    UUID,
    anki_deck_id BIGINT,
    cards_count  BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    deleted_at   TIMESTAMPTZ
);

CREATE INDEX decks_owner_name_idx ON decks (owner_id, lower(name), id) WHERE deleted_at IS NULL;
CREATE INDEX decks_parent_idx ON decks (parent_id) WHERE deleted_at IS NULL;
