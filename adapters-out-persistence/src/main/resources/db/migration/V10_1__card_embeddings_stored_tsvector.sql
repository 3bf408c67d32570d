-- Lexical search without touching every card of its owner (issue 6, speed benchmark). Until now each search
-- computed to_tsvector for every candidate row, to rank as well as to match, and with the 'simple' configuration
-- a query's "the", "of" or "и" matched nearly every card, all of which were then ranked; ts_rank does not weigh
-- words by rarity, so they also outweighed the rare term the searcher meant. Now the text's tsvector is stored,
-- and common English and Russian words are left out of it and of queries (PostgreSQL's own stop-word lists; no
-- stemming, so exact terms, names and code still match as typed).

-- Flyway's clean leaves text search objects behind, so they may exist already in this schema (and only this
-- schema's count: another schema on the search path may hold its own).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'ankirag_ascii_words'
                   AND dictnamespace = current_schema()::regnamespace) THEN
        CREATE TEXT SEARCH DICTIONARY ankirag_ascii_words (TEMPLATE = simple, STOPWORDS = english);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'ankirag_other_words'
                   AND dictnamespace = current_schema()::regnamespace) THEN
        CREATE TEXT SEARCH DICTIONARY ankirag_other_words (TEMPLATE = simple, STOPWORDS = russian);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ankirag_text'
                   AND cfgnamespace = current_schema()::regnamespace) THEN
        CREATE TEXT SEARCH CONFIGURATION ankirag_text (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION ankirag_text
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH ankirag_ascii_words;
        ALTER TEXT SEARCH CONFIGURATION ankirag_text
            ALTER MAPPING FOR word, hword, hword_part WITH ankirag_other_words;
    END IF;
END
$$;

DROP INDEX card_embeddings_text_idx;
ALTER TABLE card_embeddings
    ADD COLUMN content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('ankirag_text', content_text)) STORED;
CREATE INDEX card_embeddings_tsv_idx ON card_embeddings USING GIN (content_tsv);
