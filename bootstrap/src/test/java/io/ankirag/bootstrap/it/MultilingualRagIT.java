package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Russian and English cards side by side in one deck, under the built-in English-only model (issue 11). */
@IntegrationTest
class MultilingualRagIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();

    @Autowired
    Jdbi jdbi;

    Session user;
    String deck;
    String cats;
    String mitochondria;
    String englishCats;

    @BeforeEach
    void aMixedLanguageDeck() {
        user = accounts.register();
        deck = deck(user, "Смешанная колода");
        List<String> ids = cards(user, deck,
                List.of("Кто ловит мышей в амбаре?", "Кошки ловят мышей"),
                List.of("Какой органоид вырабатывает энергию клетки?", "Митохондрия"),
                List.of("What do cats hunt in a barn?", "Cats hunt mice"));
        cats = ids.get(0);
        mitochondria = ids.get(1);
        englishCats = ids.get(2);
        awaitIndexCaughtUp();
    }

    @Test
    void russianLexicalSearchFindsInflectedForms() {
        assertThat(ids(search(user, body("query", "кошка", "mode", "lexical")))).containsExactly(cats);
        assertThat(ids(search(user, body("query", "мышь ловила", "mode", "lexical")))).containsExactly(cats);
        assertThat(ids(search(user, body("query", "митохондрии", "mode", "lexical")))).containsExactly(mitochondria);
    }

    @Test
    void eachLanguageIsStemmedAsItselfInTheSameDeck() {
        assertThat(ids(search(user, body("query", "cat hunting", "mode", "lexical")))).containsExactly(englishCats);
        assertThat(ids(search(user, body("query", "кошками", "mode", "lexical", "deck_id", deck)))).containsExactly(cats);
        // Hybrid with a Russian query leans on the words: the card that has them comes first.
        assertThat(ids(search(user, body("query", "энергия клеток", "threshold", -1))).getFirst()).isEqualTo(mitochondria);
    }

    @Test
    void theIndexRecordsEachCardsLanguage() {
        List<String> languages = jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT language FROM card_embeddings WHERE card_id IN (CAST(:a AS uuid), CAST(:b AS uuid)) ORDER BY language")
                .bind("a", cats).bind("b", englishCats).mapTo(String.class).list());
        assertThat(languages).containsExactly("en", "ru");
    }

    @Test
    void statusNamesTheModelItsLanguagesCoverageAndTheCallersCardsPerLanguage() {
        var status = api.get("/api/rag/status", user.accessToken());

        assertThat(status.status()).as(status.body().toString()).isEqualTo(200);
        JsonNode model = status.body().path("model");
        assertThat(model.path("name").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(model.path("model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
        assertThat(model.path("languages").get(0).asText()).isEqualTo("en");
        assertThat(model.path("multilingual").asBoolean()).isFalse();
        assertThat(status.body().path("serving_model").path("model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
        JsonNode coverage = status.body().path("coverage").get(0);
        assertThat(coverage.path("model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q/384");
        assertThat(coverage.path("state").asText()).isEqualTo("serving");
        assertThat(coverage.path("coverage").asDouble()).isEqualTo(1.0);
        JsonNode languages = status.body().path("cards_per_language");
        assertThat(languages.path("ru").asLong()).isEqualTo(2);
        assertThat(languages.path("en").asLong()).isEqualTo(1);
        assertThat(languages.path("und").asLong()).isZero();
    }

    @Test
    void russianCandidatesAreNotDuplicatesOnEmbeddingSimilarityAlone() {
        var response = api.post("/api/rag/duplicates", body("candidates", List.of(
                Map.of("Front", "Какая столица у Франции?", "Back", "Париж"),
                Map.of("Front", "Какой органоид клетки вырабатывает энергию?", "Back", "Митохондрии")), "threshold", 0.5),
                user.accessToken());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode duplicates = response.body().path("duplicates");
        assertThat(duplicates.findValuesAsText("candidate_index")).as(duplicates.toString()).containsOnly("1");
        assertThat(duplicates.get(0).path("similar_to").asText()).isEqualTo(mitochondria);
    }

    @Test
    void anotherUserSeesNoneOfItInSearchDuplicatesOrStatus() {
        Session stranger = accounts.register();

        assertThat(ids(search(stranger, body("query", "кошка", "mode", "lexical")))).isEmpty();
        assertThat(ids(search(stranger, body("query", "кошка", "threshold", -1)))).isEmpty();
        var duplicates = api.post("/api/rag/duplicates", body("candidates", List.of(
                Map.of("Front", "Кто ловит мышей в амбаре?", "Back", "Кошки ловят мышей"))), stranger.accessToken());
        assertThat(duplicates.body().path("duplicates")).isEmpty();
        JsonNode languages = api.get("/api/rag/status", stranger.accessToken()).body().path("cards_per_language");
        assertThat(languages.path("ru").asLong()).isZero();
        assertThat(languages.path("en").asLong()).isZero();
    }

    private ApiClient.Response search(Session session, Map<String, Object> request) {
        return api.post("/api/rag/search", request, session.accessToken());
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("results").findValuesAsText("card_id");
    }

    @SafeVarargs
    private List<String> cards(Session owner, String deckId, List<String>... frontsAndBacks) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (List<String> card : frontsAndBacks) {
            cards.add(Map.of("fields", Map.of("Front", card.get(0), "Back", card.get(1))));
        }
        var response = api.post("/api/cards/bulk", body("deck_id", deckId, "template_id", BASIC, "cards", cards), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("created").findValuesAsText("id");
    }

    private String deck(Session owner, String name) {
        var response = api.post("/api/decks", body("name", name), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private void awaitIndexCaughtUp() {
        String admin = accounts.admin().accessToken();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (api.get("/api/rag/index", admin).body().path("caught_up").asBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("search index did not catch up in a minute");
    }
}
