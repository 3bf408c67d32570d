-- Card templates read model (spec 4.2 card_templates and template_fields), built by the "templates" projection
-- from CardTemplate events. A template's fields and card types are always read and written whole, so they live
-- in it as ordered JSONB arrays: fields [{name, required}], card_types [{name, frontTemplate, backTemplate}].
-- No foreign keys and no unique name index: a projection must accept every stored event, and it is dropped and
-- rebuilt from the event store at will. Name uniqueness per owner is checked before the command is sent.

CREATE TABLE card_templates (
    id           UUID         PRIMARY KEY,
    owner_id     UUID         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('STANDARD', 'CLOZE')),
    fields       JSONB        NOT NULL,
    card_types   JSONB        NOT NULL,
    css          TEXT         NOT NULL,
    is_system    BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    deleted_at   TIMESTAMPTZ
);

CREATE INDEX card_templates_owner_name_idx ON card_templates (owner_id, lower(name), id) WHERE deleted_at IS NULL;
CREATE INDEX card_templates_system_idx ON card_templates (lower(name), id) WHERE deleted_at IS NULL AND is_system;
