-- Prompts read model (spec 4.2 prompts): one row per version, built by the "prompts" projection from Prompt
-- events. No foreign keys: a projection is dropped and rebuilt from the event store at will.

CREATE TABLE prompts (
    id                   UUID             PRIMARY KEY,
    prompt_id            UUID             NOT NULL,
    name                 VARCHAR(100)     NOT NULL,
    category             VARCHAR(16)      NOT NULL CHECK (category IN ('generation', 'fact_check', 'chat', 'improvement')),
    system_prompt        TEXT             NOT NULL,
    user_prompt_template TEXT             NOT NULL,
    variables_schema     JSONB            NOT NULL,
    temperature          DOUBLE PRECISION NOT NULL CHECK (temperature BETWEEN 0.0 AND 2.0),
    max_tokens           INTEGER          NOT NULL CHECK (max_tokens > 0),
    version              INTEGER          NOT NULL CHECK (version > 0),
    parent_id            UUID,
    is_active            BOOLEAN          NOT NULL,
    is_system            BOOLEAN          NOT NULL,
    created_at           TIMESTAMPTZ      NOT NULL,
    created_by           UUID             NOT NULL,
    deleted_at           TIMESTAMPTZ,
    CONSTRAINT prompts_version_uq UNIQUE (prompt_id, version)
);

-- Exactly one version of a name is in use. Deleted prompts keep their flags: their names are never reused.
CREATE UNIQUE INDEX prompts_one_active_per_name_uq ON prompts (name) WHERE is_active;
CREATE INDEX prompts_active_by_category_idx ON prompts (category, name) WHERE is_active AND deleted_at IS NULL;
CREATE INDEX prompts_versions_idx ON prompts (name, version DESC);
