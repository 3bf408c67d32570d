package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.AnkiRagApplication;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Changing the configured embedding model: the installation restarts with the new model, builds its vectors in the
 * background while searches keep using the old model's (its queries embedded by the old model), and switches over
 * once every card has a new vector; the old vectors and their index are then dropped. The two models have vectors
 * of different lengths (the built-in model's 384, a remote model's 24). Each run of the application is started by
 * hand, one after the other, in a schema of its own.
 */
class EmbeddingModelSwitchIT {

    static final String SCHEMA = "it_model_switch";
    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static final FakeEmbeddingEndpoint REMOTE = new FakeEmbeddingEndpoint(24);

    @AfterAll
    static void stopRemoteModel() {
        REMOTE.close();
    }

    @Test
    void aNewModelIsBuiltWhileSearchesKeepUsingTheOldOneAndTakesOverOnceComplete() {
        Session user;
        String mitochondria;
        String paris;
        UUID oldModel;
        try (RunningApp before = RunningApp.start(true)) {
            user = before.accounts.register();
            String deck = before.deck(user);
            mitochondria = before.card(user, deck, "What is the powerhouse of the cell?", "The mitochondria");
            paris = before.card(user, deck, "Capital of France?", "Paris");
            before.card(user, deck, "What does zygomorphic mean?", "Bilaterally symmetrical, as orchid flowers");
            JsonNode indexed = before.awaitIndex(progress -> progress.path("caught_up").asBoolean());
            assertThat(indexed.path("serving_model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
            oldModel = before.context.getBean(Jdbi.class).withHandle(h -> h.createQuery(
                    "SELECT id FROM embedding_models WHERE name = 'all-minilm-l6-v2-q'").mapTo(UUID.class).one());
        }

        REMOTE.failWith(503); // so that the new model cannot be complete yet
        try (RunningApp after = RunningApp.start(false,
                "ankirag.embedding.provider=openai", "ankirag.embedding.model=remote-bag-of-words",
                "ankirag.embedding.dimensions=24", "ankirag.embedding.api.base-url=" + REMOTE.baseUrl(),
                "ankirag.embedding.api.max-attempts=1", "ankirag.embedding.worker.retry-first-delay=100ms",
                "ankirag.embedding.worker.retry-max-delay=300ms")) {
            JsonNode building = after.awaitIndex(progress -> progress.path("failed").asLong() >= 3);
            assertThat(building.path("model").asText()).isEqualTo("openai/remote-bag-of-words/24");
            assertThat(building.path("serving_model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
            assertThat(building.path("caught_up").asBoolean()).isFalse();
            assertThat(building.path("models").findValuesAsText("state")).containsExactly("serving", "building");
            assertThat(building.path("models").get(1).path("cards").asLong()).isEqualTo(3);

            // Meaning without shared words: only the old, real model can find it, and the failing one was not asked.
            var meanwhile = after.search(user, body("query", "which organelle makes energy", "mode", "semantic", "threshold", 0.2));
            assertThat(ids(meanwhile).getFirst()).isEqualTo(mitochondria);
            String added = after.card(user, after.deck(user), "Where is the Louvre?", "In Paris");
            after.awaitIndex(progress -> progress.path("models").get(0).path("pending").asLong() == 0
                    && progress.path("models").get(0).path("embedded").asLong() == 4);
            assertThat(ids(after.search(user, body("query", "famous art museum", "mode", "semantic", "threshold", 0.2))))
                    .first().isEqualTo(added);
            assertThat(REMOTE.embeddedTexts()).isEmpty();

            REMOTE.recover();
            JsonNode switched = after.awaitIndex(progress -> progress.path("caught_up").asBoolean());

            assertThat(switched.path("serving_model").asText()).isEqualTo("openai/remote-bag-of-words/24");
            assertThat(switched.path("models").findValuesAsText("state")).containsExactly("serving");
            assertThat(switched.path("models").get(0).path("embedded").asLong()).isEqualTo(4);
            var found = after.search(user, body("query", "capital of France", "mode", "semantic", "threshold", 0.1));
            assertThat(ids(found).getFirst()).isEqualTo(paris);
            assertThat(REMOTE.embeddedTexts()).contains("capital of France");
            Jdbi jdbi = after.context.getBean(Jdbi.class);
            long oldRows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM card_embeddings WHERE model_id = :old")
                    .bind("old", oldModel).mapTo(Long.class).one());
            long oldIndexes = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_indexes WHERE indexname = :name")
                    .bind("name", "card_embeddings_hnsw_" + oldModel.toString().replace("-", "")).mapTo(Long.class).one());
            assertThat(oldRows).isZero();
            assertThat(oldIndexes).isZero();
        }
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("results").findValuesAsText("card_id");
    }

    /** One run of the whole application on a random port, in the test's own schema. */
    private static final class RunningApp implements AutoCloseable {

        final ConfigurableApplicationContext context;
        final ApiClient api;
        final Accounts accounts;

        private RunningApp(ConfigurableApplicationContext context) {
            this.context = context;
            this.api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
            this.accounts = new Accounts(api);
        }

        /** @param fresh whether the schema is wiped first */
        static RunningApp start(boolean fresh, String... properties) {
            List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + OwnSchema.url(SCHEMA),
                    "spring.flyway.schemas=" + SCHEMA));
            all.addAll(List.of(properties));
            SpringApplicationBuilder app = fresh
                    ? new SpringApplicationBuilder(AnkiRagApplication.class, OwnSchema.class)
                    : new SpringApplicationBuilder(AnkiRagApplication.class);
            // As arguments: the builder's properties are defaults, which the test profile's datasource would override.
            return new RunningApp(app.profiles("test")
                    .initializers(context -> context.getBeanFactory().registerSingleton("skipTestConfigurations",
                            new SkipTestConfigurations()))
                    .run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
        }

        JsonNode awaitIndex(Predicate<JsonNode> condition) {
            String admin = accounts.admin().accessToken();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode progress;
            do {
                progress = api.get("/api/rag/index", admin).body();
                if (condition.test(progress)) {
                    return progress;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } while (System.nanoTime() < deadline);
            throw new AssertionError("search index not as expected after 30 s: " + progress);
        }

        ApiClient.Response search(Session session, Map<String, Object> request) {
            return api.post("/api/rag/search", request, session.accessToken());
        }

        String card(Session owner, String deck, String front, String back) {
            var response = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC,
                    "fields", Map.of("Front", front, "Back", back)), owner.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return response.text("id");
        }

        String deck(Session owner) {
            var response = api.post("/api/decks", body("name", "Deck " + UUID.randomUUID()), owner.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return response.text("id");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Component scanning of {@code io.ankirag} would find the test configurations too; only {@code @SpringBootTest} skips them. */
    private static final class SkipTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }
}
