package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.port.out.rag.SearchCardIndexPort.IndexScope;
import io.ankirag.application.rag.TextLanguage;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.template.TemplateId;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RagSearchIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();

    @Autowired
    Jdbi jdbi;

    Session user;
    String deck;
    String mitochondria;
    String paris;
    String flowers;

    @BeforeEach
    void aUserWithSomeCards() {
        user = accounts.register();
        deck = deck(user, "Biology", null);
        List<String> ids = cards(user, deck,
                List.of("What is the powerhouse of the cell?", "The <b>mitochondria</b>"),
                List.of("Capital of France?", "{{c1::Paris::city}}"),
                List.of("What does zygomorphic mean?", "Bilaterally symmetrical, as orchid flowers"));
        mitochondria = ids.get(0);
        paris = ids.get(1);
        flowers = ids.get(2);
        awaitIndexCaughtUp();
    }

    @Test
    void semanticSearchRanksAParaphraseFirst() {
        var found = search(user, body("query", "which organelle produces energy for a cell", "mode", "semantic", "threshold", 0.2));

        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(ids(found).getFirst()).isEqualTo(mitochondria);
        JsonNode first = found.body().path("results").get(0);
        assertThat(first.path("score").asDouble()).isBetween(0.2, 1.0);
        assertThat(first.path("deck_name").asText()).isEqualTo("Biology");
        assertThat(first.path("status").asText()).isEqualTo("draft");
        assertThat(first.path("fields").path("Back").asText()).isEqualTo("The <b>mitochondria</b>");
        assertThat(found.text("mode")).isEqualTo("semantic");
    }

    @Test
    void lexicalSearchFindsAnExactRareTerm() {
        var found = search(user, body("query", "zygomorphic", "mode", "lexical"));

        assertThat(ids(found)).containsExactly(flowers);
    }

    @Test
    void lexicalSearchRanksCardsByHowManyOfTheQueryWordsTheyHoldThenByRank() {
        String deck = deck(user, "Geology", null);
        List<String> ids = cards(user, deck,
                List.of("Basalt basalt basalt", "basalt again and again, basalt"),
                List.of("Where is basalt found?", "Near the sea floor"),
                List.of("What are volcanoes?", "Openings in the crust"),
                List.of("How does basalt form near volcanoes?", "Lava cools"));
        String repeatsOneWord = ids.get(0);
        String twoWords = ids.get(1);
        String otherWordOnly = ids.get(2);
        String allWords = ids.get(3);
        awaitIndexCaughtUp();

        // Four words: "how" and "a" are stop words; "forms" finds "form", "volcano" finds "volcanoes"
        var found = search(user, body("query", "how basalt forms near a volcano", "mode", "lexical"));

        assertThat(ids(found)).containsExactly(allWords, twoWords, repeatsOneWord, otherWordOnly);
        List<Double> scores = found.body().path("results").findValuesAsText("score").stream().map(Double::valueOf).toList();
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(scores.getFirst()).isBetween(0.75, 1.0);  // four words of four
        assertThat(scores.get(1)).isBetween(0.25, 0.5);      // two of four
        assertThat(scores.getLast()).isBetween(0.0, 0.25);   // one of four
    }

    @Test
    void clozeAnswersAndStrippedHtmlAreSearchable() {
        assertThat(ids(search(user, body("query", "Paris", "mode", "lexical")))).containsExactly(paris);
        assertThat(ids(search(user, body("query", "mitochondria", "mode", "lexical")))).containsExactly(mitochondria);
    }

    @Test
    void hybridIsTheDefaultAndReturnsBothKindsOfMatch() {
        var found = search(user, body("query", "organelle producing energy; zygomorphic", "threshold", 0.2));

        assertThat(found.text("mode")).isEqualTo("hybrid");
        assertThat(ids(found)).contains(mitochondria, flowers);
    }

    @Test
    void thresholdFiltersWeakSemanticMatches() {
        assertThat(ids(search(user, body("query", "organelle energy", "mode", "semantic", "threshold", 0.99)))).isEmpty();
        assertThat(ids(search(user, body("query", "organelle energy", "mode", "semantic", "threshold", -1))))
                .containsExactlyInAnyOrder(mitochondria, paris, flowers);
        assertThat(ids(search(user, body("query", "organelle energy", "mode", "semantic", "threshold", -1, "top_k", 1))))
                .containsExactly(mitochondria);
    }

    @Test
    void deckScopeIncludesSubDecksOnly() {
        String parent = deck(user, "Languages", null);
        String child = deck(user, "Spanish", parent);
        String other = deck(user, "Cooking", null);
        String inChild = cards(user, child, List.of("quetzal word", "bird")).getFirst();
        String inOther = cards(user, other, List.of("quetzal recipe", "none")).getFirst();
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "quetzal", "mode", "lexical", "deck_id", parent)))).containsExactly(inChild);
        assertThat(ids(search(user, body("query", "quetzal", "mode", "lexical", "deck_id", other)))).containsExactly(inOther);
        assertThat(ids(search(user, body("query", "quetzal", "mode", "semantic", "threshold", -1, "deck_id", child))))
                .containsExactly(inChild);
        var unknown = search(user, body("query", "quetzal", "deck_id", UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("DECK_001");
    }

    @Test
    void movedCardsFollowTheirDeckAndStatusesFilter() {
        String other = deck(user, "Botany", null);
        api.post("/api/cards/" + flowers + "/move", body("deck_id", other), user.accessToken());
        api.post("/api/cards/" + paris + "/approve", Map.of(), user.accessToken());
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "zygomorphic", "mode", "lexical", "deck_id", other)))).containsExactly(flowers);
        assertThat(ids(search(user, body("query", "zygomorphic", "mode", "lexical", "deck_id", deck)))).isEmpty();
        assertThat(ids(search(user, body("query", "capital France", "mode", "semantic", "threshold", -1,
                "statuses", List.of("approved"))))).containsExactly(paris);
    }

    @Test
    void tagsNarrowASearchToCardsWithAnyOrAllOfThemIgnoringCase() {
        String both = taggedCard(user, deck, "quokka one", "Python", "async");
        String python = taggedCard(user, deck, "quokka two", "python");
        String rust = taggedCard(user, deck, "quokka three", "rust");
        String untagged = taggedCard(user, deck, "quokka four");
        Session stranger = accounts.register();
        taggedCard(stranger, deck(stranger, "Theirs", null), "quokka five", "python");
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "quokka", "mode", "lexical")))).containsExactlyInAnyOrder(both, python, rust, untagged);
        assertThat(ids(search(user, body("query", "quokka", "mode", "lexical", "tags", List.of("PYTHON")))))
                .containsExactlyInAnyOrder(both, python);
        assertThat(ids(search(user, body("query", "quokka", "mode", "lexical", "tags", List.of("python", "rust")))))
                .containsExactlyInAnyOrder(both, python, rust);
        assertThat(ids(search(user, body("query", "quokka", "mode", "lexical", "tags", List.of("python", "Async"),
                "tags_match", "all")))).containsExactly(both);
        for (String mode : List.of("semantic", "hybrid")) {
            assertThat(ids(search(user, body("query", "quokka", "mode", mode, "threshold", -1, "tags", List.of("rust")))))
                    .as(mode).containsExactly(rust);
        }
    }

    @Test
    void tagsCombineWithDeckAndStatusAndFollowEdits() {
        String other = deck(user, "Zoology", null);
        String here = taggedCard(user, deck, "wombat here", "animals");
        String there = taggedCard(user, other, "wombat there", "animals");
        api.post("/api/cards/" + there + "/approve", Map.of(), user.accessToken());
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "wombat", "mode", "lexical", "tags", List.of("animals"), "deck_id", other))))
                .containsExactly(there);
        assertThat(ids(search(user, body("query", "wombat", "mode", "semantic", "threshold", -1, "tags", List.of("animals"),
                "statuses", List.of("draft"))))).containsExactly(here);

        api.patch("/api/cards/" + here, body("tags", List.of("marsupials")), user.accessToken());
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "wombat", "mode", "lexical", "tags", List.of("animals"))))).containsExactly(there);
        assertThat(ids(search(user, body("query", "wombat", "mode", "lexical", "tags", List.of("marsupials"))))).containsExactly(here);
    }

    @Test
    void editedTextIsReindexed() {
        api.patch("/api/cards/" + paris, body("fields", Map.of("Front", "Capital of Peru?", "Back", "Lima")), user.accessToken());
        awaitIndexCaughtUp();

        assertThat(ids(search(user, body("query", "Lima", "mode", "lexical")))).containsExactly(paris);
        assertThat(ids(search(user, body("query", "Paris", "mode", "lexical")))).isEmpty();
    }

    @Test
    void rejectedAndDeletedCardsLeaveTheIndex() {
        api.post("/api/cards/" + flowers + "/reject", body("reason", "wrong"), user.accessToken());
        assertThat(api.delete("/api/cards/" + mitochondria, user.accessToken()).status()).isEqualTo(204);
        awaitIndexCaughtUp();

        for (String mode : List.of("semantic", "hybrid")) {
            assertThat(ids(search(user, body("query", "zygomorphic mitochondria cell", "mode", mode, "threshold", -1))))
                    .as(mode).containsExactly(paris);
        }
        assertThat(ids(search(user, body("query", "zygomorphic mitochondria cell", "mode", "lexical")))).isEmpty();
        Integer rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM card_embeddings WHERE card_id IN (:a, :b)")
                .bind("a", UUID.fromString(flowers)).bind("b", UUID.fromString(mitochondria)).mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void anotherUsersCardsNeverAppear() {
        Session stranger = accounts.register();
        String strangerDeck = deck(stranger, "Biology", null);
        List<String> theirs = cards(stranger, strangerDeck,
                List.of("What is the powerhouse of the cell?", "The mitochondria"),
                List.of("zygomorphic", "zygomorphic"));
        awaitIndexCaughtUp();

        for (String mode : List.of("semantic", "lexical", "hybrid")) {
            List<String> found = ids(search(user, body("query", "powerhouse cell mitochondria zygomorphic", "mode", mode,
                    "threshold", -1, "top_k", 50)));
            assertThat(found).as(mode).isNotEmpty().doesNotContainAnyElementsOf(theirs);
        }
        var theirDeck = search(user, body("query", "cell", "deck_id", strangerDeck));
        assertThat(theirDeck.code()).isEqualTo("DECK_001");
    }

    @Test
    void badQueriesAreRefused() {
        for (Map<String, Object> bad : List.of(
                body("query", ""),
                body("query", "   "),
                body("mode", "lexical"),
                body("query", "x".repeat(10_001)),
                body("query", "cell", "top_k", 0),
                body("query", "cell", "top_k", 51),
                body("query", "cell", "threshold", 1.5),
                body("query", "cell", "mode", "fuzzy"),
                body("query", "cell", "statuses", List.of("lost")),
                body("query", "cell", "tags", List.of(" ")),
                body("query", "cell", "tags", java.util.Collections.nCopies(101, "t")),
                body("query", "cell", "tags", List.of("t"), "tags_match", "some"))) {
            var refused = search(user, bad);
            assertThat(refused.status()).as(bad.keySet().toString()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("REQ_002");
        }
        assertThat(api.post("/api/rag/search", body("query", "cell"), null).status()).isEqualTo(401);
        assertThat(ids(search(user, body("query", "x".repeat(10_000), "mode", "lexical")))).isEmpty();
        assertThat(ids(search(user, body("query", "&|!:*()", "mode", "lexical")))).isEmpty();
    }

    @Test
    void onlyAdministratorsRebuildTheIndex() {
        assertThat(api.post("/api/rag/index", Map.of(), user.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/rag/index", user.accessToken()).status()).isEqualTo(403);

        var rebuild = api.post("/api/rag/index", Map.of(), accounts.admin().accessToken());

        assertThat(rebuild.status()).as(rebuild.body().toString()).isEqualTo(202);
        assertThat(rebuild.text("model")).isEqualTo("onnx/all-minilm-l6-v2-q/384");
        awaitIndexCaughtUp();
        assertThat(ids(search(user, body("query", "zygomorphic", "mode", "lexical")))).containsExactly(flowers);
    }

    /**
     * The semantic query must repeat the model's partial HNSW index expression and predicate for PostgreSQL to use
     * the index. The SQL under test is the read model's own, reached by reflection since it is package-private.
     */
    @Test
    void semanticQueryUsesTheModelsHnswIndex() throws Exception {
        var model = jdbi.withHandle(h -> h.createQuery("SELECT id, dimensions FROM embedding_models WHERE name = 'all-minilm-l6-v2-q'")
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getInt("dimensions"))).one());
        String index = "card_embeddings_hnsw_" + model.getKey().toString().replace("-", "");
        String definition = jdbi.withHandle(h -> h.createQuery("SELECT indexdef FROM pg_indexes WHERE indexname = :name")
                .bind("name", index).mapTo(String.class).one());
        assertThat(definition).contains("USING hnsw", "vector(384)", "vector_cosine_ops", model.getKey().toString());

        String sql = nearestSql(model.getKey(), model.getValue());
        String vector = "[" + "0.05,".repeat(383) + "0.05]";
        String plan = jdbi.inTransaction(h -> {
            // With a handful of rows the planner rightly prefers reading the owner's rows and sorting them (exact, and
            // cheap); forbidding scans-and-sorts shows whether the HNSW index can serve this query at all.
            h.execute("SET LOCAL enable_seqscan = off");
            h.execute("SET LOCAL enable_sort = off");
            return String.join("\n", h.createQuery("EXPLAIN " + sql)
                    .bind("query", vector).bind("owner", UUID.randomUUID()).bind("limit", 10)
                    .bindArray("statuses", String.class, List.of("draft")).bindArray("tags", String.class, List.of("biology"))
                    .mapTo(String.class).list());
        });
        assertThat(plan).contains("Index Scan using " + index);
    }

    /**
     * The lexical query's tsqueries must be computed once per search, not once per candidate row. JDBC prepared
     * statements soon run on PostgreSQL's generic plan, where a cast of a parameter to tsquery is not folded to a
     * constant and is evaluated again in every recheck and rank (ten times slower at 100,000 cards).
     */
    @Test
    void lexicalQueryComputesItsTsqueriesOncePerSearchEvenInAGenericPlan() throws Exception {
        Method bandSql = Class.forName("io.ankirag.adapter.out.persistence.rag.JdbiCardSearchIndex")
                .getDeclaredMethod("bandSql", boolean.class, IndexScope.class);
        bandSql.setAccessible(true);
        String sql = (String) bandSql.invoke(null, true, new IndexScope(null, Set.of(CardStatus.DRAFT), null, false));
        List<String> plan = jdbi.inTransaction(h -> {
            h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            h.execute("SET LOCAL enable_seqscan = off"); // a handful of rows: show the plan a large deck gets
            return h.createQuery("EXPLAIN " + sql)
                    .bind("anyWord", "'mitochondria' | 'energy'").bind("band", "'mitochondria' & 'energy'")
                    .bindArray("taken", UUID.class, List.of(UUID.randomUUID()))
                    .bind("owner", UUID.randomUUID()).bind("limit", 30)
                    .bindArray("statuses", String.class, List.of("draft"))
                    .mapTo(String.class).list();
        });
        assertThat(plan).anyMatch(line -> line.contains("InitPlan"));
        assertThat(plan).filteredOn(line -> line.contains("Cond:") || line.contains("Filter:") || line.contains("Sort Key:"))
                .isNotEmpty()
                .noneMatch(line -> line.contains("::tsquery"));
    }

    private static String nearestSql(UUID modelId, int dimensions) throws Exception {
        String pkg = "io.ankirag.adapter.out.persistence.rag.";
        Class<?> modelType = Class.forName(pkg + "IndexedModel");
        Constructor<?> newModel = modelType.getDeclaredConstructor(UUID.class, int.class);
        newModel.setAccessible(true);
        Method sql = Class.forName(pkg + "JdbiCardSearchIndex").getDeclaredMethod("nearestSql", modelType, IndexScope.class);
        sql.setAccessible(true);
        return (String) sql.invoke(null, newModel.newInstance(modelId, dimensions),
                new IndexScope(null, Set.of(CardStatus.DRAFT), Set.of("biology"), false));
    }

    @Test
    void aCandidateSayingTheSameAsAnExistingCardIsADuplicate() {
        var response = api.post("/api/rag/duplicates", body("candidates", List.of(
                Map.of("Front", "What is the powerhouse of the cell?", "Back", "mitochondria"),
                Map.of("Front", "How do volcanoes erupt?", "Back", "Pressure of magma and gas")), "threshold", 0.8), user.accessToken());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        var duplicates = response.body().path("duplicates");
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).path("candidate_index").asInt()).isZero();
        assertThat(duplicates.get(0).path("similar_to").asText()).isEqualTo(mitochondria);
        assertThat(duplicates.get(0).path("similarity").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void aSavedCardIsComparedWithTheOthersButNeverWithItself() {
        String paraphrase = cards(user, deck, List.of("Which organelle is the powerhouse of the cell?", "Mitochondria")).getFirst();
        awaitIndexCaughtUp();

        var response = api.post("/api/rag/duplicates", body("card_ids", List.of(paraphrase), "threshold", 0.7), user.accessToken());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().path("duplicates").findValuesAsText("card_id")).containsOnly(paraphrase);
        assertThat(response.body().path("duplicates").findValuesAsText("similar_to")).contains(mitochondria).doesNotContain(paraphrase);
        assertThat(response.body().path("duplicates").findValuesAsText("similar_to")).doesNotContain(flowers);
    }

    @Test
    void duplicatesAreOnlyEverTheCallersOwnCards() {
        Session bob = accounts.register();

        var bobs = api.post("/api/rag/duplicates", body("candidates", List.of(
                Map.of("Front", "What is the powerhouse of the cell?", "Back", "The <b>mitochondria</b>")), "threshold", 0.5), bob.accessToken());
        var someoneElsesCard = api.post("/api/rag/duplicates", body("card_ids", List.of(mitochondria)), bob.accessToken());

        assertThat(bobs.body().path("duplicates")).isEmpty();
        assertThat(someoneElsesCard.status()).isEqualTo(404);
        assertThat(someoneElsesCard.code()).isEqualTo("CARD_001");
    }

    @Test
    void duplicatesNeedEitherCardsOrCandidates() {
        var neither = api.post("/api/rag/duplicates", body("threshold", 0.9), user.accessToken());
        var both = api.post("/api/rag/duplicates", body("card_ids", List.of(paris),
                "candidates", List.of(Map.of("Front", "x"))), user.accessToken());
        var badThreshold = api.post("/api/rag/duplicates", body("card_ids", List.of(paris), "threshold", 1.5), user.accessToken());

        assertThat(neither.status()).isEqualTo(422);
        assertThat(both.status()).isEqualTo(422);
        assertThat(badThreshold.code()).isEqualTo("REQ_002");
    }

    /** The index is eventually consistent: wait (bounded) for it instead of sleeping blindly. */
    private void awaitIndexCaughtUp() {
        String admin = accounts.admin().accessToken();
        long deadline = System.nanoTime() + 60_000_000_000L;
        ApiClient.Response progress;
        do {
            progress = api.get("/api/rag/index", admin);
            if (progress.body().path("caught_up").asBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("search index still behind after 60 s: " + progress.body());
    }

    private ApiClient.Response search(Session session, Map<String, Object> request) {
        return api.post("/api/rag/search", request, session.accessToken());
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("results").findValuesAsText("card_id");
    }

    private List<String> cards(Session owner, String deckId, List<String>... frontsAndBacks) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (List<String> card : frontsAndBacks) {
            cards.add(Map.of("fields", Map.of("Front", card.get(0), "Back", card.get(1))));
        }
        var response = api.post("/api/cards/bulk", body("deck_id", deckId, "template_id", BASIC, "cards", cards), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("total_failed").asInt()).isZero();
        return response.body().path("created").findValuesAsText("id");
    }

    private String taggedCard(Session owner, String deckId, String front, String... tags) {
        var response = api.post("/api/cards", body("deck_id", deckId, "template_id", BASIC,
                "fields", Map.of("Front", front, "Back", "-"), "tags", List.of(tags)), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private String deck(Session owner, String name, String parent) {
        var response = api.post("/api/decks", body("name", name, "parent_id", parent), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }
}
