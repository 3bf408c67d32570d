-- Card generation (issue 7, spec 4.1, 5.4, 6.2).
-- generation_jobs, generation_job_cards, generation_job_issues and card_generation_info are the read model of
-- the "generation" projection (rebuilt by replay). generation_job_leases is not: it says which worker holds which
-- job, is written by the workers only, and survives a replay. prompt_executions is a log, written as calls happen.

CREATE TABLE generation_jobs (
    id                 UUID        PRIMARY KEY,
    owner_id           UUID        NOT NULL,
    status             VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    topic              TEXT        NOT NULL,
    num_cards          INTEGER     NOT NULL,
    deck_id            UUID        NOT NULL,
    prompt_id          UUID        NOT NULL,
    prompt_version_id  UUID        NOT NULL,
    language           VARCHAR(35) NOT NULL,
    difficulty         VARCHAR(16) NOT NULL,
    fact_check         BOOLEAN     NOT NULL,
    include_sources    BOOLEAN     NOT NULL,
    message            TEXT        NOT NULL DEFAULT '',
    cards_created      INTEGER     NOT NULL DEFAULT 0,
    duplicates_dropped INTEGER     NOT NULL DEFAULT 0,
    candidates_failed  INTEGER     NOT NULL DEFAULT 0,
    runs               INTEGER     NOT NULL DEFAULT 0,
    error_code         VARCHAR(32),
    error_message      TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX generation_jobs_owner_idx ON generation_jobs (owner_id, created_at DESC, id DESC);
-- What workers look through for work: only unfinished jobs, oldest first.
CREATE INDEX generation_jobs_open_idx ON generation_jobs (created_at) WHERE status IN ('pending', 'running');

-- The cards a job made, numbered from 1 in the order made: a stream resumes after a number.
CREATE TABLE generation_job_cards (
    job_id      UUID        NOT NULL,
    sequence    INTEGER     NOT NULL,
    card_id     UUID        NOT NULL,
    template_id UUID        NOT NULL,
    fields      JSON        NOT NULL,            -- JSON, not JSONB: keeps the template's field order
    fact_check  JSONB,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job_id, sequence)
);

-- Candidates of the model that did not become cards: duplicates (with the card they repeat) and rejections.
CREATE TABLE generation_job_issues (
    job_id       UUID        NOT NULL,
    candidate    INTEGER     NOT NULL,
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('duplicate', 'rejected')),
    fields       JSON        NOT NULL,
    duplicate_of UUID,
    similarity   DOUBLE PRECISION,
    error_code   VARCHAR(32),
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job_id, candidate)
);

-- Spec 4.1: how each generated card came to be.
CREATE TABLE card_generation_info (
    card_id           UUID        PRIMARY KEY,
    job_id            UUID        NOT NULL,
    owner_id          UUID        NOT NULL,
    prompt_id         UUID        NOT NULL,
    prompt_version_id UUID        NOT NULL,
    model             TEXT        NOT NULL,
    user_request      JSONB       NOT NULL,
    fact_check_result JSONB,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX card_generation_info_job_idx ON card_generation_info (job_id);

CREATE TABLE generation_job_leases (
    job_id      UUID        PRIMARY KEY,
    owner       TEXT        NOT NULL,
    lease_until TIMESTAMPTZ NOT NULL,
    claims      INTEGER     NOT NULL DEFAULT 1
);

-- Spec 4.1: every model call, successful or not.
CREATE TABLE prompt_executions (
    id                UUID        PRIMARY KEY,
    purpose           VARCHAR(16) NOT NULL CHECK (purpose IN ('generation', 'fact_check')),
    prompt_id         UUID,
    prompt_version_id UUID,
    user_id           UUID,
    job_id            UUID,
    provider          TEXT,
    model             TEXT,
    rendered_system   TEXT        NOT NULL,
    rendered_user     TEXT        NOT NULL,
    variables         JSONB       NOT NULL,
    response_text     TEXT,
    input_tokens      INTEGER     NOT NULL,
    output_tokens     INTEGER     NOT NULL,
    latency_ms        BIGINT      NOT NULL,
    attempts          INTEGER     NOT NULL,
    error             TEXT,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX prompt_executions_version_idx ON prompt_executions (prompt_version_id, created_at DESC);
CREATE INDEX prompt_executions_user_idx ON prompt_executions (user_id, created_at DESC);
CREATE INDEX prompt_executions_job_idx ON prompt_executions (job_id) WHERE job_id IS NOT NULL;
