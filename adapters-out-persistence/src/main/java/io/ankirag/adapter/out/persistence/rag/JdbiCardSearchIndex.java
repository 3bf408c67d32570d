package io.ankirag.adapter.out.persistence.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.rag.TextLanguage;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Searches {@code card_embeddings}, the embeddings projection's own table. */
@Component
class JdbiCardSearchIndex implements SearchCardIndexPort {

    private final Jdbi jdbi;
    private final JdbiSearchIndexModels models;
    private final int efSearch;

    JdbiCardSearchIndex(Jdbi jdbi, JdbiSearchIndexModels models, @Value("${ankirag.search.hnsw.ef-search:64}") int efSearch) {
        this.jdbi = jdbi;
        this.models = models;
        this.efSearch = efSearch;
    }

    @Override
    public List<ScoredCard> nearest(UserId owner, EmbeddingModelInfo model, float[] query, IndexScope scope,
                                    double minSimilarity, int limit) {
        Optional<IndexedModel> indexed = models.indexed(model);
        if (indexed.isEmpty()) {
            return List.of();
        }
        String sql = nearestSql(indexed.get(), scope);
        return jdbi.inTransaction(h -> {
            // The owner, deck, status and tag filters apply after the HNSW scan; iterative scans (pgvector 0.8) keep
            // scanning until enough rows pass them, instead of answering fewer than asked.
            h.execute("SET LOCAL hnsw.iterative_scan = strict_order");
            h.execute("SET LOCAL hnsw.ef_search = " + efSearch);
            Query select = h.createQuery(sql)
                    .bind("query", VectorLiteral.of(query))
                    .bind("owner", owner.value())
                    .bind("limit", limit);
            bindScope(select, scope);
            return select.map((rs, ctx) -> new ScoredCard(new CardId(rs.getObject("card_id", UUID.class)), rs.getDouble("similarity")))
                    .list()
                    .stream()
                    .takeWhile(card -> card.score() >= minSimilarity) // best first, so the rest are below too
                    .toList();
        });
    }

    /**
     * Repeats the model's HNSW index expression and predicate exactly, with the model id as a constant, so that the
     * planner can use the index (a bind parameter would hide the predicate from it in generic plans).
     */
    static String nearestSql(IndexedModel model, IndexScope scope) {
        return nearestSql(model, scope, "");
    }

    private static String nearestSql(IndexedModel model, IndexScope scope, String moreConditions) {
        String distance = "embedding::" + model.vectorType() + " <=> CAST(:query AS " + model.vectorType() + ")";
        return "SELECT card_id, 1 - (" + distance + ") AS similarity FROM card_embeddings"
                + " WHERE " + model.modelPredicate() + " AND owner_id = :owner AND embedding IS NOT NULL" + scopeSql(scope)
                + moreConditions + " ORDER BY " + distance + " LIMIT :limit";
    }

    @Override
    public List<ScoredCard> nearestSharingWords(UserId owner, EmbeddingModelInfo model, float[] query, String text,
                                                TextLanguage language, double minOverlap, IndexScope scope,
                                                double minSimilarity, int limit) {
        Optional<IndexedModel> indexed = models.indexed(model);
        if (indexed.isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(h -> {
            List<String> lexemes = h.createQuery("SELECT tsvector_to_array(" + tsvectorSql(language, ":text") + ")")
                    .bind("text", text)
                    .map((rs, ctx) -> List.of((String[]) rs.getArray(1).getArray()))
                    .one();
            if (lexemes.isEmpty()) {
                return List.<ScoredCard>of();
            }
            h.execute("SET LOCAL hnsw.iterative_scan = strict_order");
            h.execute("SET LOCAL hnsw.ef_search = " + efSearch);
            // The words in common are counted per row the vector index yields, in its order: the scan goes on
            // until enough rows share enough words (or pgvector's hnsw.max_scan_tuples is reached).
            String sharing = " AND (SELECT count(*) FROM unnest(tsvector_to_array(content_tsv)) AS w(lexeme)"
                    + " WHERE w.lexeme = ANY(CAST(:lexemes AS text[]))) >= :shared";
            Query select = h.createQuery(nearestSql(indexed.get(), scope, sharing))
                    .bind("query", VectorLiteral.of(query))
                    .bind("owner", owner.value())
                    .bind("limit", limit)
                    .bindArray("lexemes", String.class, lexemes)
                    .bind("shared", Math.max(1, (int) Math.ceil(minOverlap * lexemes.size())));
            bindScope(select, scope);
            return select.map((rs, ctx) -> new ScoredCard(new CardId(rs.getObject("card_id", UUID.class)), rs.getDouble("similarity")))
                    .list()
                    .stream()
                    .takeWhile(card -> card.score() >= minSimilarity)
                    .toList();
        });
    }

    /**
     * A text's words as the V16 column {@code content_tsv} holds them: stemmed in its language (none for
     * {@code und}), and as written ({@code ankirag_text}: 'simple' without common English and Russian words).
     */
    static String tsvectorSql(TextLanguage language, String text) {
        String asWritten = "to_tsvector('ankirag_text', " + text + ")";
        return language == TextLanguage.UND ? asWritten
                : "to_tsvector('" + language.textSearchConfiguration() + "', " + text + ") || " + asWritten;
    }

    /**
     * Over the serving model's rows (every model's row of a card holds the same text), ranked by how many of the
     * query's words a card holds, then by {@code ts_rank}: read band by band ({@link LexicalBands}), best first, until
     * {@code limit} cards are found. The score keeps that order: a card holding m of n words scores between
     * {@code (m - 1) / n} and {@code m / n}, higher for a higher {@code ts_rank} (in a last band gathering the cards
     * below those asked, m is the most they can hold).
     */
    @Override
    public List<ScoredCard> matchingWords(UserId owner, List<String> words, TextLanguage language, IndexScope scope, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            LexicalBands query = LexicalBands.of(lexemesPerWord(h, words, language));
            List<ScoredCard> found = new ArrayList<>();
            for (LexicalBands.Band band : query.bands()) {
                Query select = h.createQuery(bandSql(!found.isEmpty(), scope))
                        .bind("band", band.matching())
                        .bind("anyWord", query.anyWord())
                        .bind("owner", owner.value())
                        .bind("limit", limit - found.size());
                if (!found.isEmpty()) {
                    select.bindArray("taken", UUID.class, found.stream().map(card -> card.cardId().value()).toList());
                }
                bindScope(select, scope);
                select.map((rs, ctx) -> new ScoredCard(new CardId(rs.getObject("card_id", UUID.class)),
                                score(band.maxWords(), query.words(), rs.getDouble("rank"))))
                        .forEach(found::add);
                if (found.size() >= limit) {
                    break;
                }
            }
            return found;
        });
    }

    /** Each word's lexemes as {@link #tsvectorSql} would hold them, in the words' order. */
    private static List<List<String>> lexemesPerWord(Handle h, List<String> words, TextLanguage language) {
        return h.createQuery("SELECT tsvector_to_array(" + tsvectorSql(language, "w.word") + ")"
                        + " FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS w(word, position) ORDER BY w.position")
                .bindArray("words", String.class, words)
                .map((rs, ctx) -> List.of((String[]) rs.getArray(1).getArray()))
                .list();
    }

    /** Between {@code (words - 1) / of} and {@code words / of}: higher for a higher rank. */
    private static double score(int words, int of, double rank) {
        return (words - 1 + rank / (1 + rank)) / of;
    }

    /**
     * One band's cards by {@code ts_rank}: those matching {@code :band} but not already {@code :taken} by the bands
     * before (which, having found fewer cards than asked, found all that match them). The tsqueries are scalar
     * subqueries, InitPlans computed once per execution. Written as plain casts of the parameters they are
     * folded to constants only in a custom plan; once the driver's prepared statement switches to a generic plan,
     * PostgreSQL parses them again for every candidate row, to match and to rank: ten times slower at 100,000 cards
     * (docs/benchmarks/rag-speed.md).
     */
    static String bandSql(boolean someTaken, IndexScope scope) {
        return """
                SELECT card_id, ts_rank(content_tsv, (SELECT CAST(:anyWord AS tsquery))) AS rank
                FROM card_embeddings
                WHERE model_id = (SELECT id FROM embedding_models WHERE state = 'serving')
                  AND owner_id = :owner AND content_tsv @@ (SELECT CAST(:band AS tsquery))%s%s
                ORDER BY rank DESC, card_id LIMIT :limit
                """.formatted(someTaken ? " AND card_id <> ALL(:taken)" : "", scopeSql(scope));
    }

    @Override
    public Map<TextLanguage, Long> cardsPerLanguage(UserId owner) {
        Map<TextLanguage, Long> counts = new EnumMap<>(TextLanguage.class);
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT language, count(*) AS cards FROM card_embeddings
                        WHERE model_id = (SELECT id FROM embedding_models WHERE state = 'serving') AND owner_id = :owner
                        GROUP BY language
                        """)
                .bind("owner", owner.value())
                .map((rs, ctx) -> Map.entry(TextLanguage.ofCode(rs.getString("language")), rs.getLong("cards")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }

    private static String scopeSql(IndexScope scope) {
        StringBuilder sql = new StringBuilder();
        if (scope.decks() != null) {
            sql.append(" AND deck_id = ANY(:decks)");
        }
        if (scope.statuses() != null && !scope.statuses().isEmpty()) {
            sql.append(" AND status = ANY(:statuses)");
        }
        if (scope.tags() != null && !scope.tags().isEmpty()) {
            sql.append(scope.allTags() ? " AND tags @> CAST(:tags AS text[])" : " AND tags && CAST(:tags AS text[])");
        }
        return sql.toString();
    }

    private static void bindScope(Query query, IndexScope scope) {
        if (scope.decks() != null) {
            query.bindArray("decks", UUID.class, scope.decks().stream().map(DeckId::value).toList());
        }
        if (scope.statuses() != null && !scope.statuses().isEmpty()) {
            query.bindArray("statuses", String.class,
                    scope.statuses().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        }
        if (scope.tags() != null && !scope.tags().isEmpty()) {
            query.bindArray("tags", String.class, List.copyOf(scope.tags()));
        }
    }
}
