-- Language-aware lexical search (issue 11). Each indexed card records the language its text was detected in
-- (TextLanguage: 'en', 'ru', or 'und' for anything else), and its stored tsvector holds the text's words twice:
-- stemmed with that language's PostgreSQL configuration ('english', 'russian'; none for 'und'), so that a query
-- finds inflected forms ("кошки" finds "кошкой"), and as written with 'ankirag_text' (V10_1: 'simple' without
-- common English and Russian words), the safety net for names, code and words of another language. Queries ask
-- both: stemmed in the query's own language, and as written.

-- A generated column's expression cannot change in place before PostgreSQL 17: the column (and its index) go and
-- come back. Every row is rewritten once.
DROP INDEX card_embeddings_tsv_idx;
ALTER TABLE card_embeddings DROP COLUMN content_tsv;
ALTER TABLE card_embeddings
    ADD COLUMN language VARCHAR(3) NOT NULL DEFAULT 'und' CHECK (language IN ('en', 'ru', 'und'));
ALTER TABLE card_embeddings
    ADD COLUMN content_tsv tsvector GENERATED ALWAYS AS (
        CASE language
            WHEN 'ru' THEN to_tsvector('russian', content_text)
            WHEN 'en' THEN to_tsvector('english', content_text)
            ELSE ''::tsvector
        END || to_tsvector('ankirag_text', content_text)) STORED;
CREATE INDEX card_embeddings_tsv_idx ON card_embeddings USING GIN (content_tsv);
CREATE INDEX card_embeddings_language_idx ON card_embeddings (owner_id, model_id, language);

-- The rows written so far have no language ('und': found word for word, as before): the projection runs again
-- from the first event and detects each text's language. It keeps every vector whose text has not changed, so
-- nothing is embedded twice, and searches go on working meanwhile.
DELETE FROM tokenEntry WHERE processorName = 'embeddings';
