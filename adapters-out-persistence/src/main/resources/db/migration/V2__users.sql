-- Accounts (spec 4.1 users, user_preferences, refresh_tokens). State-stored, not event-sourced:
-- personal data must stay erasable.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE users (
    id              UUID         PRIMARY KEY,
    email           VARCHAR(255) NOT NULL,
    hashed_password VARCHAR(255) NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('user', 'admin')),
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    deleted_at      TIMESTAMPTZ
);

-- One live account per email; a deleted account frees its address.
CREATE UNIQUE INDEX users_email_live_uq ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_created_at_idx ON users (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE user_preferences (
    user_id            UUID         PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    preferred_language VARCHAR(35)  NOT NULL DEFAULT 'en',
    default_model      VARCHAR(255),
    default_embedder   VARCHAR(255)
);

CREATE TABLE refresh_tokens (
    id           UUID        PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id    UUID        NOT NULL,
    token_digest CHAR(64)    NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    replaced_by  UUID
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
