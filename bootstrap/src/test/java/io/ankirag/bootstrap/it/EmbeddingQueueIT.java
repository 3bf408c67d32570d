package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search index's background half against a remote model that fails and recovers: cards are kept and searchable
 * by their words meanwhile, failed ones are retried, and the projection never waits for the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(OwnSchema.class)
@DirtiesContext
class EmbeddingQueueIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static final FakeEmbeddingEndpoint MODEL = new FakeEmbeddingEndpoint(32);

    @DynamicPropertySource
    static void remoteModel(DynamicPropertyRegistry registry) {
        OwnSchema.use(registry, "it_embedding_queue");
        registry.add("ankirag.embedding.provider", () -> "openai");
        registry.add("ankirag.embedding.model", () -> "bag-of-words");
        registry.add("ankirag.embedding.dimensions", () -> "32");
        registry.add("ankirag.embedding.batch-size", () -> "10");
        registry.add("ankirag.embedding.api.base-url", MODEL::baseUrl);
        registry.add("ankirag.embedding.api.max-attempts", () -> "1");
        registry.add("ankirag.embedding.worker.threads", () -> "4");
        registry.add("ankirag.embedding.worker.retry-first-delay", () -> "200ms");
        registry.add("ankirag.embedding.worker.retry-max-delay", () -> "1s");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Autowired
    Jdbi jdbi;

    @Test
    void aCardWhoseEmbeddingFailsIsKeptAndParkedAndIndexedOnceTheModelRecovers() {
        Session user = accounts.register();
        String deck = deck(user);
        MODEL.failWith(503);

        String first = card(user, deck, "Capybara habitat", "Wetlands of South America");
        JsonNode parked = awaitIndex(progress -> progress.path("failed").asLong() >= 1);

        assertThat(api.get("/api/cards/" + first, user.accessToken()).status()).isEqualTo(200);
        JsonNode model = parked.path("models").get(0);
        assertThat(model.path("state").asText()).isEqualTo("serving");
        assertThat(model.path("last_error").asText()).contains("503");
        assertThat(parked.path("caught_up").asBoolean()).isFalse();
        assertThat(ids(search(user, body("query", "capybara", "mode", "lexical")))).containsExactly(first);
        var semantic = search(user, body("query", "capybara", "mode", "semantic"));
        assertThat(semantic.status()).isEqualTo(500);
        assertThat(semantic.code()).isEqualTo("RAG_001");

        String second = card(user, deck, "Capybara diet", "Grasses and aquatic plants");
        JsonNode stillFailing = awaitIndex(progress -> progress.path("failed").asLong() >= 2);
        assertThat(stillFailing.path("position").asLong()).as("the projection is not held back").isGreaterThanOrEqualTo(
                stillFailing.path("head").asLong());
        assertThat(api.get("/api/health", null).body().path("event_processors").path("embeddings").asText()).isEqualTo("running");

        MODEL.recover();
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "capybara habitat wetlands", "mode", "semantic", "threshold", 0.1))))
                .containsExactlyInAnyOrder(first, second);
        assertThat(MODEL.embeddedTexts()).contains("Capybara habitat\nWetlands of South America", "Capybara diet\nGrasses and aquatic plants");
    }

    @Test
    void workersShareTheQueueWithoutEmbeddingAnyCardTwice() {
        Session user = accounts.register();
        String deck = deck(user);
        List<Map<String, Object>> cards = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cards.add(Map.of("fields", Map.of("Front", "Shared queue card " + i, "Back", "answer " + i)));
        }
        var created = api.post("/api/cards/bulk", body("deck_id", deck, "template_id", BASIC, "cards", cards), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        awaitIndexCaughtUp();

        Map<String, Integer> times = new HashMap<>();
        MODEL.embeddedTexts().stream().filter(text -> text.startsWith("Shared queue card ")).forEach(text -> times.merge(text, 1, Integer::sum));
        assertThat(times).hasSize(300);
        assertThat(times.values()).containsOnly(1);
        assertThat(MODEL.embedded().stream().mapToInt(List::size).max().orElseThrow()).isLessThanOrEqualTo(10);
    }

    @Test
    void rebuildingTheIndexKeepsEveryVectorAndEmbedsNothingAgain() {
        Session user = accounts.register();
        String deck = deck(user);
        String card = card(user, deck, "Okapi", "Forest giraffe");
        api.patch("/api/cards/" + card, body("fields", Map.of("Front", "Okapi", "Back", "The forest giraffe of Congo"),
                "tags", List.of("Mammals")), user.accessToken());
        card(user, deck, "Tapir", "Odd-toed ungulate");
        awaitIndexCaughtUp();
        List<Map<String, Object>> before = rows();
        int requests = MODEL.embedded().size();

        var rebuild = api.post("/api/rag/index", Map.of(), accounts.admin().accessToken());
        assertThat(rebuild.status()).isEqualTo(202);
        awaitIndexCaughtUp();

        assertThat(rows()).isEqualTo(before);
        assertThat(MODEL.embedded()).hasSize(requests);
    }

    private List<Map<String, Object>> rows() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT card_id::text, model_id::text, owner_id::text, deck_id::text, status, tags::text, content_text,
                               embedding::text, embedded_hash::text, updated_at::text
                        FROM card_embeddings ORDER BY card_id, model_id
                        """)
                .mapToMap().list());
    }

    private JsonNode awaitIndex(Predicate<JsonNode> condition) {
        String admin = accounts.admin().accessToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode progress;
        do {
            progress = api.get("/api/rag/index", admin).body();
            if (condition.test(progress)) {
                return progress;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("search index not as expected after 20 s: " + progress);
    }

    private void awaitIndexCaughtUp() {
        awaitIndex(progress -> progress.path("caught_up").asBoolean());
    }

    private ApiClient.Response search(Session session, Map<String, Object> request) {
        return api.post("/api/rag/search", request, session.accessToken());
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("results").findValuesAsText("card_id");
    }

    private String card(Session owner, String deck, String front, String back) {
        var response = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC, "fields", Map.of("Front", front, "Back", back)),
                owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private String deck(Session owner) {
        var response = api.post("/api/decks", body("name", "Animals"), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
