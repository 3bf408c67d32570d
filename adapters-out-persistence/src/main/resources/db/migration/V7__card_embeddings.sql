-- Search index over cards (spec 4.1 card_embeddings, embedding_models), built by the "embeddings" projection.
-- One row per card and embedding model; the vector column has no fixed length so that models of different
-- dimensions can live side by side. Each model gets its own partial HNSW index over
-- (embedding::vector(<dims>)) WHERE model_id = '<id>', created when the application registers the model at
-- start-up (see EmbeddingModelRegistry): a migration cannot know which model an installation configures.

CREATE TABLE embedding_models (
    id         UUID        PRIMARY KEY,
    provider   VARCHAR(32) NOT NULL,
    name       TEXT        NOT NULL,
    dimensions INTEGER     NOT NULL CHECK (dimensions > 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (provider, name, dimensions)
);

CREATE TABLE card_embeddings (
    card_id      UUID        NOT NULL,
    model_id     UUID        NOT NULL REFERENCES embedding_models (id),
    owner_id     UUID        NOT NULL,
    deck_id      UUID        NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('draft', 'approved', 'synced', 'sync_failed')),
    content_text TEXT        NOT NULL,
    embedding    vector,                                -- NULL when the card has no text to embed
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (card_id, model_id)
);

CREATE INDEX card_embeddings_owner_idx ON card_embeddings (owner_id, model_id);
CREATE INDEX card_embeddings_text_idx ON card_embeddings USING GIN (to_tsvector('simple', content_text));
