package io.ankirag.adapter.out.persistence.rag;

import io.ankirag.adapter.out.persistence.rag.EmbeddingModelRegistry.RegisteredModel;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.springframework.stereotype.Component;

/** Searches {@code card_embeddings}, the embeddings projection's own table, for the current model's rows only. */
@Component
class JdbiCardSearchIndex implements SearchCardIndexPort {

    private final Jdbi jdbi;
    private final EmbeddingModelRegistry models;

    JdbiCardSearchIndex(Jdbi jdbi, EmbeddingModelRegistry models) {
        this.jdbi = jdbi;
        this.models = models;
    }

    @Override
    public List<ScoredCard> nearest(UserId owner, float[] query, IndexScope scope, double minSimilarity, int limit) {
        String sql = nearestSql(models.current(), scope);
        return jdbi.inTransaction(h -> {
            // The owner, deck and status filters apply after the HNSW scan; iterative scans (pgvector 0.8) keep
            // scanning until enough rows pass them, instead of answering fewer than asked.
            h.execute("SET LOCAL hnsw.iterative_scan = strict_order");
            Query select = h.createQuery(sql)
                    .bind("query", EmbeddingWriteBatch.literal(query))
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
    static String nearestSql(RegisteredModel model, IndexScope scope) {
        String distance = "embedding::" + model.vectorType() + " <=> CAST(:query AS " + model.vectorType() + ")";
        return "SELECT card_id, 1 - (" + distance + ") AS similarity FROM card_embeddings"
                + " WHERE " + model.modelPredicate() + " AND owner_id = :owner AND embedding IS NOT NULL" + scopeSql(scope)
                + " ORDER BY " + distance + " LIMIT :limit";
    }

    @Override
    public List<ScoredCard> matchingWords(UserId owner, List<String> words, IndexScope scope, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        RegisteredModel model = models.current();
        // Words are letters and digits only (the caller splits them), so "or" between them is websearch syntax.
        String anyWord = String.join(" or ", words);
        String sql = """
                SELECT card_id, ts_rank(to_tsvector('simple', content_text), q) AS rank
                FROM card_embeddings, websearch_to_tsquery('simple', :words) AS q
                WHERE %s AND owner_id = :owner AND to_tsvector('simple', content_text) @@ q%s
                ORDER BY rank DESC, card_id LIMIT :limit
                """.formatted(model.modelPredicate(), scopeSql(scope));
        return jdbi.withHandle(h -> {
            Query select = h.createQuery(sql).bind("words", anyWord).bind("owner", owner.value()).bind("limit", limit);
            bindScope(select, scope);
            return select.map((rs, ctx) -> new ScoredCard(new CardId(rs.getObject("card_id", UUID.class)), rs.getDouble("rank")))
                    .list();
        });
    }

    private static String scopeSql(IndexScope scope) {
        StringBuilder sql = new StringBuilder();
        if (scope.decks() != null) {
            sql.append(" AND deck_id = ANY(:decks)");
        }
        if (scope.statuses() != null && !scope.statuses().isEmpty()) {
            sql.append(" AND status = ANY(:statuses)");
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
    }
}
