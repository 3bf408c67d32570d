-- Background .apkg imports (issue 5): a durable queue that the workers of every instance share. A worker claims
-- the oldest due job with FOR UPDATE SKIP LOCKED and holds it by a lease it renews; when its instance dies, the
-- lease runs out and another worker takes the job up again. The report is written in the same transaction as the
-- imported decks, templates and cards, so a job whose report exists is done, whatever happened to its worker.
CREATE TABLE import_jobs (
    id                UUID         PRIMARY KEY,
    owner_id          UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name         VARCHAR(255) NOT NULL,
    file_size         BIGINT       NOT NULL,
    target_deck_id    UUID,
    create_deck       BOOLEAN      NOT NULL,
    overwrite         BOOLEAN      NOT NULL,
    extra_tags        TEXT[]       NOT NULL DEFAULT '{}',
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    phase             VARCHAR(16)  NOT NULL,
    notes_done        INTEGER      NOT NULL DEFAULT 0,
    notes_total       INTEGER      NOT NULL DEFAULT 0,
    media_done        INTEGER      NOT NULL DEFAULT 0,
    media_total       INTEGER      NOT NULL DEFAULT 0,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    worker            VARCHAR(255),
    lease_until       TIMESTAMPTZ,
    not_before        TIMESTAMPTZ,
    report            JSONB,
    imported_count    INTEGER,
    updated_count     INTEGER,
    skipped_count     INTEGER,
    failed_count      INTEGER,
    created_decks     INTEGER,
    created_templates INTEGER,
    media_files       INTEGER,
    error_code        VARCHAR(32),
    error_detail      TEXT,
    created_at        TIMESTAMPTZ  NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL
);

CREATE INDEX import_jobs_owner_idx ON import_jobs (owner_id, created_at DESC, id DESC);
-- What the claim looks at: only jobs that are not over, so it stays small however many jobs have finished.
CREATE INDEX import_jobs_open_idx ON import_jobs (created_at, id) WHERE status IN ('pending', 'running');
