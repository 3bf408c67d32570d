-- Sync with Anki through AnkiConnect (issue 8): pushes and pulls as durable queued work, claimed like imports (V9)
-- with FOR UPDATE SKIP LOCKED and a renewed lease. A task Anki could not be reached for waits, as 'deferred',
-- until not_before, so its retries survive restarts. A task for the desktop agent (via_agent) is only ever claimed
-- by its owner's agent, never by the server's workers.
CREATE TABLE sync_tasks (
    id            UUID         PRIMARY KEY,
    owner_id      UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          VARCHAR(8)   NOT NULL CHECK (kind IN ('push', 'pull')),
    via_agent     BOOLEAN      NOT NULL DEFAULT FALSE,
    card_ids      UUID[]       NOT NULL DEFAULT '{}',
    pull_deck     TEXT,
    pull_since    TIMESTAMPTZ,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'deferred')),
    cards_count   INTEGER      NOT NULL DEFAULT 0,
    done_count    INTEGER      NOT NULL DEFAULT 0,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    worker        VARCHAR(255),
    lease_until   TIMESTAMPTZ,
    not_before    TIMESTAMPTZ,
    results       JSONB        NOT NULL DEFAULT '[]',
    error_code    VARCHAR(32),
    error_detail  TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX sync_tasks_owner_idx ON sync_tasks (owner_id, created_at DESC, id DESC);
CREATE INDEX sync_tasks_open_idx ON sync_tasks (created_at, id) WHERE status IN ('queued', 'running', 'deferred');
