package io.ankirag.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.IndexScope;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.ScoredCard;
import io.ankirag.application.rag.CardText;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The search index at 100,000 cards of one user, on the real application: indexing throughput through the
 * pipeline (projection rows and queue, then the embedding workers: claim, embed, store with the HNSW insert)
 * against the raw throughput of the model alone on the same texts; HNSW recall@10 against an exact scan over the
 * same rows; search latency over HTTP with the query embedding included, and excluded (query vectors computed
 * beforehand and answered from memory by a benchmark-only wrapper around the embedder), plus the query embedding
 * alone. Not a test: its name matches no test pattern; {@code make bench-rag} runs it on its own database.
 *
 * <p>{@code bench.rag.cards} cards are created (100,000 by default); the first {@code bench.rag.pipeline-cards} of
 * them (all by default) are embedded through the pipeline and timed, in rounds of {@code bench.rag.round-cards}
 * that each time the model alone on the round's texts too. Any others get vectors near real ones (a pipelined
 * card's vector plus Gaussian noise, normalised) written directly, to reach the size quickly; the report says how
 * many.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({FreshDatabase.class, RagBenchmark.PrecomputedQueries.class})
class RagBenchmark {

    private static final int TOTAL_CARDS = Integer.getInteger("bench.rag.cards", 100_000);
    private static final int PIPELINE_CARDS = Math.min(TOTAL_CARDS, Integer.getInteger("bench.rag.pipeline-cards", TOTAL_CARDS));
    private static final int ROUND_CARDS = Integer.getInteger("bench.rag.round-cards", 2_000);
    private static final int QUERIES = 200;
    private static final int LATENCY_SAMPLES = 400;
    private static final int[] EF_SEARCH = {40, 64, 100, 200};

    @Autowired RegisterUserUseCase register;
    @Autowired ManageDecksUseCase decks;
    @Autowired ManageCardsUseCase cards;
    @Autowired RebuildSearchIndexUseCase index;
    @Autowired SearchCardIndexPort search;
    @Autowired EmbedTextsPort embedder;
    @Autowired ApplicationContext context;
    @Autowired Jdbi jdbi;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        Lifecycle workers = context.getBean("embeddingWorkers", Lifecycle.class);
        workers.stop();
        String password = "bench-password";
        String email = "rag-bench-" + UUID.randomUUID() + "@example.com";
        UserId owner = register.register(new RegisterUser(email, password, "Bench")).user().id();
        List<DeckId> deckIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deckIds.add(decks.createDeck(owner, new NewDeck("Deck " + i, null, null)).id());
        }
        EmbeddingModelInfo model = embedder.model();
        line("=== AnkiRAG search index benchmark: %d cards of one user, model %s/%s/%d, %d cores ===", TOTAL_CARDS,
                model.provider(), model.name(), model.dimensions(), Runtime.getRuntime().availableProcessors());

        // 1-3. Rounds of: cards created with the workers stopped (the projection writes their rows and queues them;
        //      the model is not involved), the model alone on exactly those texts, then the workers until the queue
        //      is empty. Other work on a shared machine comes and goes; alternating the two measurements in short
        //      rounds exposes both to the same conditions, and the median round says more than one long stretch.
        int batch = context.getEnvironment().getProperty("ankirag.embedding.batch-size", Integer.class, 100);
        int threads = context.getEnvironment().getProperty("ankirag.embedding.worker.threads", Integer.class, 3);
        embedder.embed(List.of(CardText.of(BenchCards.fields(0)), CardText.of(BenchCards.fields(1))), EmbeddingPurpose.DOCUMENT); // warm-up
        int rounds = Math.max(1, (PIPELINE_CARDS + ROUND_CARDS - 1) / ROUND_CARDS);
        double[] ratios = new double[rounds];
        double rawSeconds = 0;
        double pipelineSeconds = 0;
        double createSeconds = 0;
        for (int round = 0; round < rounds; round++) {
            int from = round * ROUND_CARDS;
            int to = Math.min(PIPELINE_CARDS, from + ROUND_CARDS);
            long start = System.nanoTime();
            BenchCards.create(cards, owner, deckIds, from, to);
            BenchCards.awaitProjection(index);
            createSeconds += seconds(start);
            List<String> texts = new ArrayList<>();
            for (int i = from; i < to; i++) {
                texts.add(CardText.of(BenchCards.fields(i)));
            }
            double raw = rawThroughput(texts, batch, threads);
            PrecomputedQueries.EMBED_NANOS.reset();
            PrecomputedQueries.CLAIM_NANOS.reset();
            PrecomputedQueries.STORE_NANOS.reset();
            start = System.nanoTime();
            workers.start();
            awaitQueueEmpty();
            double seconds = seconds(start);
            workers.stop();
            ratios[round] = (texts.size() / seconds) / raw;
            rawSeconds += texts.size() / raw;
            pipelineSeconds += seconds;
            line("  round %d: %d cards, raw model %.1f cards/s, pipeline %.1f cards/s, ratio %.2f; worker time: embed %.1f s,"
                            + " claim %.1f s, store %.1f s (of %.1f s x %d workers)", round + 1, texts.size(), raw,
                    texts.size() / seconds, ratios[round], PrecomputedQueries.EMBED_NANOS.sum() / 1e9,
                    PrecomputedQueries.CLAIM_NANOS.sum() / 1e9, PrecomputedQueries.STORE_NANOS.sum() / 1e9, seconds, threads);
        }
        Arrays.sort(ratios);
        line("cards created and queued (commands + projection, workers stopped): %d in %.1f s", PIPELINE_CARDS, createSeconds);
        line("raw model throughput (same texts, batches of %d, %d callers at once): %.1f cards/s", batch, threads,
                PIPELINE_CARDS / rawSeconds);
        line("pipeline throughput (%d workers: claim, embed, store with HNSW insert): %.1f cards/s (%d cards in %.1f s)",
                threads, PIPELINE_CARDS / pipelineSeconds, PIPELINE_CARDS, pipelineSeconds);
        line("pipeline / raw: %.2f overall, median round %.2f (%d rounds of up to %d cards)", rawSeconds / pipelineSeconds,
                ratios[rounds / 2], rounds, ROUND_CARDS);
        workers.start();

        // 4. The rest, if any, with vectors near real ones, written directly.
        if (TOTAL_CARDS > PIPELINE_CARDS) {
            workers.stop();
            long start = System.nanoTime();
            BenchCards.create(cards, owner, deckIds, PIPELINE_CARDS, TOTAL_CARDS);
            BenchCards.awaitProjection(index);
            line("cards %d..%d created and queued in %.1f s", PIPELINE_CARDS, TOTAL_CARDS, seconds(start));
            start = System.nanoTime();
            // Inserting into the HNSW graph one by one would take longer than the pipeline itself: the model's index
            // is built anew, in bulk, over every vector instead.
            String indexName = "card_embeddings_hnsw_" + BenchVectors.modelId(jdbi, model).toString().replace("-", "");
            String indexDefinition = jdbi.withHandle(h -> h.createQuery(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = :name")
                    .bind("name", indexName).mapTo(String.class).one());
            jdbi.useHandle(h -> h.execute("DROP INDEX " + indexName));
            BenchVectors.fillNearRealVectors(jdbi, model);
            jdbi.useHandle(h -> {
                h.execute("SET maintenance_work_mem = '1GB'");
                h.execute(indexDefinition);
                h.execute("RESET maintenance_work_mem");
            });
            line("cards %d..%d: vectors near real ones (noise added) written directly, HNSW index rebuilt in bulk: %.1f s",
                    PIPELINE_CARDS, TOTAL_CARDS, seconds(start));
            workers.start();
        }
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE card_embeddings"));

        // 5. The embeddings projection alone: a replay keeps every vector (texts unchanged), so this is its own rate.
        long events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM domainevententry").mapTo(Long.class).one());
        long start = System.nanoTime();
        index.rebuildIndex();
        while (!index.indexProgress().caughtUp()) {
            Thread.sleep(200);
        }
        line("embeddings projection replay: %d events in %.1f s (%.0f events/s), nothing re-embedded", events, seconds(start),
                events / seconds(start));

        // 6. Recall@10 of the HNSW index against an exact scan of the same rows, per ef_search.
        List<String> queries = queries();
        List<float[]> vectors = embedder.embed(queries, EmbeddingPurpose.QUERY);
        UUID modelId = BenchVectors.modelId(jdbi, model);
        List<Set<UUID>> exact = new ArrayList<>();
        start = System.nanoTime();
        for (float[] vector : vectors) {
            exact.add(new HashSet<>(nearestIds(modelId, model.dimensions(), owner, vector, 0)));
        }
        double exactMillis = (System.nanoTime() - start) / 1e6 / vectors.size();
        line("exact scan (no index): %.1f ms per query", exactMillis);
        int configuredEf = context.getEnvironment().getProperty("ankirag.search.hnsw.ef-search", Integer.class, 64);
        for (int ef : EF_SEARCH) {
            double[] millis = new double[vectors.size()];
            double recall = 0;
            for (int q = 0; q < vectors.size(); q++) {
                long t = System.nanoTime();
                List<UUID> approximate = nearestIds(modelId, model.dimensions(), owner, vectors.get(q), ef);
                millis[q] = (System.nanoTime() - t) / 1e6;
                recall += approximate.stream().filter(exact.get(q)::contains).count() / 10.0;
            }
            Arrays.sort(millis);
            line("HNSW ef_search=%-3d recall@10 %.3f   index query p50 %5.2f ms  p95 %5.2f ms%s", ef, recall / vectors.size(),
                    percentile(millis, 0.5), percentile(millis, 0.95), ef == configuredEf ? "   (configured)" : "");
        }
        double recall = 0;
        for (int q = 0; q < vectors.size(); q++) {
            List<ScoredCard> found = search.nearest(owner, model, vectors.get(q), IndexScope.EVERYWHERE, -1, 10);
            Set<UUID> truth = exact.get(q);
            recall += found.stream().filter(card -> truth.contains(card.cardId().value())).count() / 10.0;
        }
        line("recall@10 through the application's index query (ef_search=%d, iterative scan): %.3f", configuredEf,
                recall / vectors.size());

        // 7. Latency over HTTP.
        String token = login(email, password);
        Map<String, double[]> latencies = new LinkedHashMap<>();
        latencies.put("semantic, query embedded (incl.)", httpLatency(token, queries, "semantic"));
        latencies.put("hybrid,   query embedded (incl.)", httpLatency(token, queries, "hybrid"));
        for (int q = 0; q < queries.size(); q++) {
            PrecomputedQueries.remember(queries.get(q), vectors.get(q));
        }
        latencies.put("semantic, query vector known (excl.)", httpLatency(token, queries, "semantic"));
        latencies.put("hybrid,   query vector known (excl.)", httpLatency(token, queries, "hybrid"));
        PrecomputedQueries.forget();
        latencies.put("query embedding alone (in process)", timed(LATENCY_SAMPLES, i ->
                embedder.embed(List.of(queries.get(i % queries.size()) + " " + i), EmbeddingPurpose.QUERY)));
        line("latency (%d samples each, top_k 10, after 30 warm-up requests):", LATENCY_SAMPLES);
        latencies.forEach((name, millis) -> line("  %-38s p50 %6.2f ms   p95 %6.2f ms", name, percentile(millis, 0.5),
                percentile(millis, 0.95)));

        System.out.println();
        report.forEach(System.out::println);
        System.out.println();
    }

    private static List<String> queries() {
        Random random = new Random(42);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add("explain the " + BenchCards.ASPECTS[random.nextInt(BenchCards.ASPECTS.length)] + " of " + BenchCards.SUBJECTS[random.nextInt(BenchCards.SUBJECTS.length)]);
        }
        return queries;
    }

    /** The model alone: {@code callers} threads embedding their share of the sample in batches, at once. */
    private double rawThroughput(List<String> sample, int batch, int callers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int from = caller * batch; from < sample.size(); from += callers * batch) {
                    embedder.embed(sample.subList(from, Math.min(sample.size(), from + batch)), EmbeddingPurpose.DOCUMENT);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return sample.size() / seconds(start);
    }

    private void awaitQueueEmpty() throws InterruptedException {
        while (jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM embedding_queue)").mapTo(Boolean.class).one())) {
            Thread.sleep(100);
        }
        Long failed = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM embedding_queue WHERE attempts > 0").mapTo(Long.class).one());
        if (failed > 0) {
            throw new IllegalStateException(failed + " cards failed to embed");
        }
    }

    /** {@code ef} 0: an exact scan (index scans off), else the HNSW index with that ef_search. */
    private List<UUID> nearestIds(UUID model, int dimensions, UserId owner, float[] vector, int ef) {
        String type = "vector(" + dimensions + ")";
        String distance = "embedding::" + type + " <=> CAST(:q AS " + type + ")";
        return jdbi.inTransaction(h -> {
            if (ef == 0) {
                h.execute("SET LOCAL enable_indexscan = off");
                h.execute("SET LOCAL enable_bitmapscan = off");
            } else {
                h.execute("SET LOCAL hnsw.ef_search = " + ef);
            }
            return h.createQuery("SELECT card_id FROM card_embeddings WHERE model_id = '" + model + "' AND owner_id = :owner"
                            + " AND embedding IS NOT NULL ORDER BY " + distance + " LIMIT 10")
                    .bind("q", BenchVectors.literal(vector)).bind("owner", owner.value())
                    .mapTo(UUID.class).list();
        });
    }

    private double[] httpLatency(String token, List<String> queries, String mode) throws Exception {
        for (int i = 0; i < 30; i++) {
            searchOverHttp(token, queries.get(i % queries.size()), mode);
        }
        double[] millis = new double[LATENCY_SAMPLES];
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            long t = System.nanoTime();
            searchOverHttp(token, queries.get(i % queries.size()), mode);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private void searchOverHttp(String token, String query, String mode) throws Exception {
        String body = json.writeValueAsString(Map.of("query", query, "mode", mode, "top_k", 10, "threshold", 0));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rag/search"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode results = json.readTree(response.body()).path("results");
        if (response.statusCode() != 200 || results.size() != 10) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("email", email, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("access_token").asText();
    }

    private interface Sample {
        void run(int i) throws Exception;
    }

    private static double[] timed(int samples, Sample sample) throws Exception {
        for (int i = 0; i < 30; i++) {
            sample.run(samples + i);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            sample.run(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[bench-rag] " + text);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Benchmark only: wraps the configured embedder so that queries whose vectors were computed beforehand are
     * answered from memory, which takes the model out of a search's latency while everything else (HTTP, the
     * application, the index query, reading the hits) stays as it is.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class PrecomputedQueries {

        private static final Map<String, float[]> KNOWN = new ConcurrentHashMap<>();

        static void remember(String query, float[] vector) {
            KNOWN.put(query, vector);
        }

        static void forget() {
            KNOWN.clear();
        }

        /** Time the workers spend in each step, summed over their threads. */
        static final LongAdder EMBED_NANOS = new LongAdder();
        static final LongAdder CLAIM_NANOS = new LongAdder();
        static final LongAdder STORE_NANOS = new LongAdder();

        @Bean
        static BeanPostProcessor answerKnownQueriesFromMemory() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                    if (bean instanceof EmbedTextsPort embedder) {
                        return new KnownQueries(embedder);
                    }
                    return bean instanceof EmbeddingQueuePort queue ? new TimedQueue(queue) : bean;
                }
            };
        }

        private record TimedQueue(EmbeddingQueuePort queue) implements EmbeddingQueuePort {

            @Override
            public Claim claim(EmbeddingModelInfo model, int limit) {
                long start = System.nanoTime();
                try {
                    return queue.claim(model, limit);
                } finally {
                    CLAIM_NANOS.add(System.nanoTime() - start);
                }
            }

            @Override
            public void store(Claim claim, List<float[]> vectors) {
                long start = System.nanoTime();
                try {
                    queue.store(claim, vectors);
                } finally {
                    STORE_NANOS.add(System.nanoTime() - start);
                }
            }

            @Override
            public void park(Claim claim, String error, Backoff backoff) {
                queue.park(claim, error, backoff);
            }

            @Override
            public void awaitQueued(java.time.Duration patience) throws InterruptedException {
                queue.awaitQueued(patience);
            }
        }

        private record KnownQueries(EmbedTextsPort embedder) implements EmbedTextsPort {

            @Override
            public EmbeddingModelInfo model() {
                return embedder.model();
            }

            @Override
            public List<float[]> embed(List<String> texts, EmbeddingPurpose purpose) {
                float[] known = texts.size() == 1 && purpose == EmbeddingPurpose.QUERY ? KNOWN.get(texts.getFirst()) : null;
                if (known != null) {
                    return List.of(known.clone());
                }
                long start = System.nanoTime();
                try {
                    return embedder.embed(texts, purpose);
                } finally {
                    if (Thread.currentThread().getName().startsWith("embedding-worker-")) {
                        EMBED_NANOS.add(System.nanoTime() - start);
                    }
                }
            }
        }
    }

;
;
;
}
