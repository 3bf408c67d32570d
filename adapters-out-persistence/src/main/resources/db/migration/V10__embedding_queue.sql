-- Search index, second shape (issue 6): embedding leaves the projection's transaction.
-- The "embeddings" projection now records, per active model, each card's text, tags, deck and status, and queues
-- the cards whose vector is missing or was made from another text; background workers embed the queue in
-- batches and write the vectors. A card whose embedding fails stays queued with its error and is retried later.
-- A newly configured model is built beside the one serving searches, and serves once every card has its vector.

ALTER TABLE embedding_models
    ADD COLUMN state         VARCHAR(16) NOT NULL DEFAULT 'retired' CHECK (state IN ('serving', 'building', 'retired')),
    ADD COLUMN serving_since TIMESTAMPTZ,
    ADD COLUMN dropped_at    TIMESTAMPTZ;  -- when a retired model's index and rows were removed
CREATE UNIQUE INDEX embedding_models_one_serving_idx ON embedding_models ((true)) WHERE state = 'serving';
CREATE UNIQUE INDEX embedding_models_one_building_idx ON embedding_models ((true)) WHERE state = 'building';

-- Until now every model's rows were written in the projection's transaction: the newest model that has rows
-- serves, the rows of any other model are stale and go.
UPDATE embedding_models SET state = 'serving', serving_since = now()
WHERE id = (SELECT m.id FROM embedding_models m
            WHERE EXISTS (SELECT 1 FROM card_embeddings e WHERE e.model_id = m.id)
            ORDER BY m.created_at DESC LIMIT 1);
DELETE FROM card_embeddings e USING embedding_models m WHERE e.model_id = m.id AND m.state = 'retired';

ALTER TABLE card_embeddings
    ADD COLUMN tags          TEXT[] NOT NULL DEFAULT '{}',  -- lower-cased: Anki compares tags ignoring case
    ADD COLUMN embedded_hash UUID;                          -- md5 of the content_text the embedding was made from
UPDATE card_embeddings SET embedded_hash = md5(content_text)::uuid WHERE embedding IS NOT NULL;

-- A card waiting for its vector under a model. Workers claim due rows with FOR UPDATE SKIP LOCKED, moving
-- next_attempt_at a lease ahead and stamping their claim, embed outside any transaction, then write the vectors
-- of texts that are still current and delete the rows asking for exactly those texts; or, when the model fails,
-- put the rows they still hold (a row re-queued for a new text has lost its claim) back with the error, one
-- attempt more and a later next_attempt_at.
CREATE TABLE embedding_queue (
    card_id         UUID        NOT NULL,
    model_id        UUID        NOT NULL REFERENCES embedding_models (id),
    text_hash       UUID        NOT NULL,              -- md5 of the text to embed: the card's content_text
    attempts        INTEGER     NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_failed_at  TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claim           UUID,
    queued_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, model_id)
);
CREATE INDEX embedding_queue_due_idx ON embedding_queue (model_id, attempts, next_attempt_at);

-- The rows written so far lack their tags: the projection runs again from the first event. It keeps every vector
-- whose text has not changed, so nothing is embedded twice.
DELETE FROM tokenEntry WHERE processorName = 'embeddings';
