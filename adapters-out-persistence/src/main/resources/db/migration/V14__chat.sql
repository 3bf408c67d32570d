-- Chat grounded in the learner's cards (issue 9, spec 4.1, 5.5): the read model of the "chat" projection,
-- rebuilt by replay from the ChatSession events. A deleted session's rows are removed.

CREATE TABLE chat_sessions (
    id            UUID         PRIMARY KEY,
    owner_id      UUID         NOT NULL,
    title         VARCHAR(255) NOT NULL,
    deck_id       UUID,
    topic         TEXT,
    archived      BOOLEAN      NOT NULL DEFAULT FALSE,
    message_count INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- The session list: one owner's sessions, archived or not, newest first.
CREATE INDEX chat_sessions_owner_idx ON chat_sessions (owner_id, archived, created_at DESC, id DESC);

-- Messages numbered from 1 in the order written. Sources are [{card_id, deck_id, score, snippet, cited}].
CREATE TABLE chat_messages (
    session_id    UUID        NOT NULL,
    sequence      INTEGER     NOT NULL,
    id            UUID        NOT NULL UNIQUE,
    role          VARCHAR(16) NOT NULL CHECK (role IN ('user', 'assistant')),
    content       TEXT        NOT NULL,
    model         TEXT,
    input_tokens  INTEGER     NOT NULL DEFAULT 0,
    output_tokens INTEGER     NOT NULL DEFAULT 0,
    sources       JSONB       NOT NULL DEFAULT '[]',
    finish_reason VARCHAR(16),
    complete      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, sequence)
);
