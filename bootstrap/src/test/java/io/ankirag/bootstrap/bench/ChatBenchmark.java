package io.ankirag.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Ending;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Piece;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer.Received;
import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.application.port.in.rag.SearchCardsQuery.CardSearch;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchMode;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.bootstrap.testing.FakeLlms;
import io.ankirag.bootstrap.testing.GenerationTestPorts;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.user.UserId;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The chat's own share of an answer's latency, with {@code bench.chat.cards} cards of one user indexed (100,000 by
 * default): for {@value #MESSAGES} questions over HTTP, the time from sending the request to the first {@code content}
 * event, minus the fake model's own time to first token (it waits {@value #MODEL_FIRST_TOKEN_MS} ms after the request
 * reaches it). What is left is authentication, the session and rate-limit checks, recording the question, hybrid
 * retrieval with the question embedded, the prompt and history, and relaying the first token. Also reported: the
 * part before the model is called (request sent to request received by the fake), in the same JVM's clock.
 *
 * <p>Cards are made as in {@code RagBenchmark}: the first {@code bench.chat.pipeline-cards} (5,000) embedded through
 * the workers, the rest given vectors near real ones and the HNSW index rebuilt in bulk. Not a test: its name
 * matches no test pattern; {@code make bench-chat} runs it on its own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ankirag.rate-limit.chat=1000000/hour")
@ActiveProfiles("test")
@Import({FreshDatabase.class, GenerationTestPorts.class})
@ContextConfiguration(initializers = FakeLlms.class)
class ChatBenchmark {

    private static final int TOTAL_CARDS = Integer.getInteger("bench.chat.cards", 100_000);
    private static final int PIPELINE_CARDS = Math.min(TOTAL_CARDS, Integer.getInteger("bench.chat.pipeline-cards", 5_000));
    private static final int MESSAGES = 200;
    private static final int WARM_UP = 20;
    private static final int MESSAGES_PER_SESSION = 20;
    private static final long MODEL_FIRST_TOKEN_MS = 50;

    @Autowired RegisterUserUseCase register;
    @Autowired ManageDecksUseCase decks;
    @Autowired ManageCardsUseCase cards;
    @Autowired RebuildSearchIndexUseCase index;
    @Autowired EmbedTextsPort embedder;
    @Autowired SearchCardsQuery search;
    @Autowired ApplicationContext context;
    @Autowired Jdbi jdbi;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        String password = "bench-password";
        String email = "chat-bench-" + UUID.randomUUID() + "@example.com";
        UserId owner = register.register(new RegisterUser(email, password, "Bench")).user().id();
        List<DeckId> deckIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deckIds.add(decks.createDeck(owner, new NewDeck("Deck " + i, null, null)).id());
        }
        EmbeddingModelInfo model = embedder.model();
        line("=== AnkiRAG chat benchmark: %d cards of one user, model %s/%s/%d, %d cores ===", TOTAL_CARDS,
                model.provider(), model.name(), model.dimensions(), Runtime.getRuntime().availableProcessors());

        long start = System.nanoTime();
        BenchCards.create(cards, owner, deckIds, 0, PIPELINE_CARDS);
        BenchCards.awaitProjection(index);
        awaitQueueEmpty();
        line("cards 0..%d created and embedded through the workers: %.1f s", PIPELINE_CARDS, seconds(start));
        if (TOTAL_CARDS > PIPELINE_CARDS) {
            Lifecycle workers = context.getBean("embeddingWorkers", Lifecycle.class);
            workers.stop();
            start = System.nanoTime();
            BenchCards.create(cards, owner, deckIds, PIPELINE_CARDS, TOTAL_CARDS);
            BenchCards.awaitProjection(index);
            line("cards %d..%d created and queued: %.1f s", PIPELINE_CARDS, TOTAL_CARDS, seconds(start));
            start = System.nanoTime();
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
            line("cards %d..%d: vectors near real ones written directly, HNSW index rebuilt in bulk: %.1f s",
                    PIPELINE_CARDS, TOTAL_CARDS, seconds(start));
            workers.start();
        }
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE card_embeddings"));
        long indexed = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM card_embeddings WHERE embedding IS NOT NULL")
                .mapTo(Long.class).one());
        line("cards with vectors in the index: %d", indexed);

        String token = login(email, password);
        Random random = new Random(42);
        double[] overhead = new double[MESSAGES];
        double[] beforeModel = new double[MESSAGES];
        double[] total = new double[MESSAGES];
        String session = null;
        List<String> questions = new ArrayList<>();
        for (int i = -WARM_UP; i < MESSAGES; i++) {
            if (session == null || Math.floorMod(i, MESSAGES_PER_SESSION) == 0) {
                session = session(token, i);
            }
            String question = "Explain the " + BenchCards.ASPECTS[random.nextInt(BenchCards.ASPECTS.length)] + " of "
                    + BenchCards.SUBJECTS[random.nextInt(BenchCards.SUBJECTS.length)] + " #" + UUID.randomUUID();
            FakeLlms.OPENAI.thenStream(question, List.of(new Piece(Duration.ofMillis(MODEL_FIRST_TOKEN_MS), "The short answer "),
                    new Piece(Duration.ZERO, "is in your cards.")), Ending.FINISH);
            long sent = System.nanoTime();
            long firstContent = ask(token, session, question);
            Received received = FakeLlms.OPENAI.received().reversed().stream()
                    .filter(request -> request.lastUserMessage().equals(question)).findFirst().orElseThrow();
            if (i >= 0) {
                questions.add(question);
                double totalMs = (firstContent - sent) / 1e6;
                total[i] = totalMs;
                overhead[i] = totalMs - MODEL_FIRST_TOKEN_MS;
                beforeModel[i] = (received.atNanos() - sent) / 1e6;
            }
        }
        Arrays.sort(overhead);
        Arrays.sort(beforeModel);
        Arrays.sort(total);
        line("%d questions over HTTP (after %d warm-up), %d per session, the model's first token %d ms after it is asked:",
                MESSAGES, WARM_UP, MESSAGES_PER_SESSION, MODEL_FIRST_TOKEN_MS);
        line("  request to first content event       p50 %6.1f ms   p95 %6.1f ms", percentile(total, 0.5), percentile(total, 0.95));
        line("  minus the model's time to first token p50 %6.1f ms   p95 %6.1f ms   (the chat's overhead)",
                percentile(overhead, 0.5), percentile(overhead, 0.95));
        line("  of which before the model is called   p50 %6.1f ms   p95 %6.1f ms", percentile(beforeModel, 0.5),
                percentile(beforeModel, 0.95));

        int contextCards = context.getEnvironment().getProperty("ankirag.chat.context-cards", Integer.class, 8);
        double threshold = context.getEnvironment().getProperty("ankirag.chat.context-threshold", Double.class, 0.3);
        double[] retrieval = new double[MESSAGES];
        double[] embedding = new double[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            String question = questions.get(i);
            long t = System.nanoTime();
            search.search(owner, new CardSearch(question, SearchMode.HYBRID, contextCards, threshold, null, null, null, null, true));
            retrieval[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            embedder.embed(List.of(question + " again"), EmbeddingPurpose.QUERY);
            embedding[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(retrieval);
        Arrays.sort(embedding);
        line("  the same questions' retrieval alone   p50 %6.1f ms   p95 %6.1f ms   (hybrid search in process, top %d)",
                percentile(retrieval, 0.5), percentile(retrieval, 0.95), contextCards);
        line("  of which embedding the question       p50 %6.1f ms   p95 %6.1f ms", percentile(embedding, 0.5),
                percentile(embedding, 0.95));

        System.out.println();
        report.forEach(System.out::println);
        System.out.println();
    }

    private String session(String token, int i) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/sessions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("title", "Bench " + i))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("session answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).path("id").asText();
    }

    /** Asks, reads the stream to its end, and returns when its first content event arrived. */
    private long ask(String token, String session, String question) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/chat/sessions/" + session + "/messages"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("content", question))))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        long firstContent = 0;
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    last = line.substring(6).strip();
                    if (last.equals("content") && firstContent == 0) {
                        firstContent = System.nanoTime();
                    }
                }
            }
        }
        if (response.statusCode() != 200 || firstContent == 0 || !"done".equals(last)) {
            throw new IllegalStateException("chat answered " + response.statusCode() + ", last event " + last);
        }
        return firstContent;
    }

    private void awaitQueueEmpty() throws InterruptedException {
        while (jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM embedding_queue)").mapTo(Boolean.class).one())) {
            Thread.sleep(100);
        }
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("email", email, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("access_token").asText();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[bench-chat] " + text);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

;
;
;
}
