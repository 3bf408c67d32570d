package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.ankirag.bootstrap.AnkiRagApplication;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A model named by its hub repository ({@code EMBEDDING_MODEL_REPO}) is downloaded on the application's first start
 * from a local server laid out like the Hugging Face hub, which serves the built-in model's own files as
 * {@code test/tiny-e5-model}: a file that does not match its listed checksum stops start-up and is not kept; once the
 * listing is right the model is downloaded, loaded, named in {@code GET /api/rag/status} and used for search. Runs
 * the application by hand in a schema of its own, as registering another model would start a switch in the shared one.
 */
class EmbeddingModelDownloadIT {

    static final String SCHEMA = "it_model_download";
    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static HttpServer hub;
    static byte[] onnx;
    static byte[] tokenizer;
    static final AtomicReference<String> onnxSha256 = new AtomicReference<>();

    @TempDir
    static Path models;

    @BeforeAll
    static void startHub() throws Exception {
        onnx = resource("/all-minilm-l6-v2-q.onnx");
        tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + tokenizer.length + "\0").getBytes(StandardCharsets.US_ASCII));
        String tokenizerBlob = HexFormat.of().formatHex(sha1.digest(tokenizer));
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] answer = switch (path) {
                case "/api/models/test/tiny-e5-model/tree/main/onnx" -> ("[{\"type\":\"file\",\"path\":\"onnx/model.onnx\",\"size\":"
                        + onnx.length + ",\"oid\":\"x\",\"lfs\":{\"oid\":\"" + onnxSha256.get() + "\",\"size\":" + onnx.length
                        + "}}]").getBytes(StandardCharsets.UTF_8);
                case "/api/models/test/tiny-e5-model/tree/main" -> ("[{\"type\":\"file\",\"path\":\"tokenizer.json\",\"size\":"
                        + tokenizer.length + ",\"oid\":\"" + tokenizerBlob + "\"}]").getBytes(StandardCharsets.UTF_8);
                case "/test/tiny-e5-model/resolve/main/onnx/model.onnx" -> onnx;
                case "/test/tiny-e5-model/resolve/main/tokenizer.json" -> tokenizer;
                default -> null;
            };
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        hub.start();
    }

    @AfterAll
    static void stopHub() {
        hub.stop(0);
    }

    @Test
    void aNamedModelIsDownloadedOnceVerifiedAndServesSearches() throws Exception {
        Path directory = models.resolve("test--tiny-e5-model");
        onnxSha256.set("0".repeat(64));
        assertThatThrownBy(() -> RunningApp.start(true, properties()).close())
                .rootCause().hasMessageContaining("test/tiny-e5-model/onnx/model.onnx")
                .hasMessageContaining("does not match its checksum");
        assertThat(directory.resolve("onnx/model.onnx")).doesNotExist();

        onnxSha256.set(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onnx)));
        try (RunningApp app = RunningApp.start(true, properties())) {
            assertThat(directory.resolve("onnx/model.onnx")).hasBinaryContent(onnx);
            assertThat(Files.readAllBytes(directory.resolve("tokenizer.json"))).isEqualTo(tokenizer);
            Session user = app.accounts.register();
            String deck = app.deck(user);
            String card = app.card(user, deck, "Кто ловит мышей?", "Кошки");
            app.awaitCaughtUp();

            JsonNode status = app.api.get("/api/rag/status", user.accessToken()).body();
            assertThat(status.path("model").path("model").asText()).isEqualTo("onnx/tiny-e5-model/384");
            assertThat(status.path("model").path("multilingual").asBoolean()).isFalse();
            assertThat(status.path("serving_model").path("name").asText()).isEqualTo("tiny-e5-model");
            assertThat(status.path("cards_per_language").path("ru").asLong()).isEqualTo(1);
            var found = app.api.post("/api/rag/search", body("query", "кошка", "threshold", -1), user.accessToken());
            assertThat(found.body().path("results").findValuesAsText("card_id")).as(found.body().toString()).containsExactly(card);
        }
    }

    private static String[] properties() {
        return new String[] {"ankirag.embedding.download.repo=test/tiny-e5-model",
                "ankirag.embedding.download.hub-url=http://127.0.0.1:" + hub.getAddress().getPort(),
                "ankirag.embedding.download.home=" + models};
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
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

        static RunningApp start(boolean fresh, String... properties) {
            List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + OwnSchema.url(SCHEMA),
                    "spring.flyway.schemas=" + SCHEMA));
            all.addAll(List.of(properties));
            SpringApplicationBuilder app = fresh
                    ? new SpringApplicationBuilder(AnkiRagApplication.class, OwnSchema.class)
                    : new SpringApplicationBuilder(AnkiRagApplication.class);
            return new RunningApp(app.profiles("test")
                    .initializers(context -> context.getBeanFactory().registerSingleton("skipTestConfigurations",
                            new SkipTestConfigurations()))
                    .run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
        }

        void awaitCaughtUp() throws InterruptedException {
            String admin = accounts.admin().accessToken();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (api.get("/api/rag/index", admin).body().path("caught_up").asBoolean()) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("search index did not catch up in a minute");
        }

        String card(Session owner, String deck, String front, String back) {
            var response = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC,
                    "fields", Map.of("Front", front, "Back", back)), owner.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return response.text("id");
        }

        String deck(Session owner) {
            var response = api.post("/api/decks", body("name", "Deck"), owner.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return response.text("id");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static final class SkipTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }
}
