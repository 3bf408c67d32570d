package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports the real packages in shared/fixtures/apkg through HTTP. */
@IntegrationTest
class AnkiImportIT extends HttpApiTestBase {

    static final String MIXED = "srs-converter--mixed-legacy-2.apkg";
    static final String MUSIC = "anki-pwa--example_music_intervals.apkg";
    static final String AP_GOV = "anki-pwa--ap_gov_vocab_anki11.apkg";

    Session user;

    @BeforeEach
    void aUser() {
        user = accounts.register();
    }

    /** The fixtures sit beside the repository's clone; the tests run from the bootstrap module or the repository root. */
    static byte[] fixture(String name) throws IOException {
        Path here = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path folder : List.of(here.resolve("../../shared/fixtures/apkg"), here.resolve("../shared/fixtures/apkg"))) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return Files.readAllBytes(folder.resolve(name));
            }
        }
        assumeTrue(false, "real Anki package " + name + " not found beside the repository (shared/fixtures/apkg); skipping");
        return null;
    }

    ApiClient.Response importing(Session session, String fixture, Map<String, ?> parts) throws IOException {
        return api.upload("/api/sync/import", session.accessToken(), fixture, fixture(fixture), parts);
    }

    List<JsonNode> allCards(Session session) {
        List<JsonNode> cards = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/cards?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), session.accessToken());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            page.body().path("items").forEach(cards::add);
            cursor = page.body().path("next_cursor").asText(null);
        } while (cursor != null);
        return cards;
    }

    @Test
    void mixedPackageImportsClozeAndBasicNotesAndReportsImageOcclusionAsFailed() throws IOException {
        var response = importing(user, MIXED, Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode report = response.body();
        assertThat(report.path("imported_count").asInt()).isEqualTo(7);
        assertThat(report.path("failed_count").asInt()).isEqualTo(1);
        assertThat(report.path("failed").get(0).path("note_id").asLong()).isEqualTo(1755521029414L);
        assertThat(report.path("failed").get(0).path("code").asText()).isEqualTo("REQ_002");
        assertThat(report.path("failed").get(0).path("detail").asText()).contains("Image Occlusion");
        assertThat(report.path("created_decks").asInt()).as("the empty Default deck is left out").isEqualTo(1);
        assertThat(report.path("created_templates").asInt()).as("optional reversed and type-in-the-answer").isEqualTo(2);
        assertThat(report.path("media_files").asInt()).isEqualTo(1);

        List<JsonNode> cards = allCards(user);
        assertThat(cards).hasSize(7).allSatisfy(card -> {
            assertThat(card.path("origin").asText()).isEqualTo("imported");
            assertThat(card.path("status").asText()).isEqualTo("synced");
        });
        assertThat(cards).filteredOn(card -> card.path("template_id").asText().equals(TemplateId.ofSystem("Cloze").toString()))
                .hasSize(3);
        JsonNode basic = cards.stream().filter(card -> card.path("anki_note_id").asLong() == 1755520805841L).findFirst().orElseThrow();
        assertThat(basic.path("template_id").asText()).isEqualTo(TemplateId.ofSystem("Basic").toString());
        assertThat(basic.path("fields").path("Front").asText()).isEqualTo("This note is of type \"Basic\"");
        var tree = api.get("/api/decks/tree", user.accessToken()).body();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).path("name").asText()).isEqualTo("Test - Mixed Types");
    }

    @Test
    void musicIntervalsCreatesItsNestedDecksOnceWithTheirCounts() throws IOException {
        var response = importing(user, MUSIC, Map.of("tags", List.of("music", "shared,deck")));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().path("imported_count").asInt()).isEqualTo(340);
        assertThat(response.body().path("failed_count").asInt()).isZero();
        assertThat(response.body().path("created_decks").asInt()).isEqualTo(5);
        assertThat(response.body().path("created_templates").asInt()).as("Basic+ is the system Basic").isZero();

        var tree = api.get("/api/decks/tree", user.accessToken()).body();
        assertThat(tree).hasSize(1);
        JsonNode root = tree.get(0);
        assertThat(root.path("name").asText()).isEqualTo("Music Intervals");
        assertThat(root.path("total_cards_count").asLong()).isEqualTo(340);
        assertThat(root.path("children")).hasSize(4);
        assertThat(root.path("children").findValuesAsText("name")).anySatisfy(name -> assertThat(name).startsWith("1/ Easy"));
        assertThat(root.path("children").findValues("cards_count").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(340);
        assertThat(root.path("children").findValues("cards_count")).anySatisfy(count -> assertThat(count.asLong()).isEqualTo(102));

        JsonNode first = allCards(user).stream().filter(card -> card.path("anki_note_id").asLong() == 1484237387194L)
                .findFirst().orElseThrow();
        assertThat(first.path("tags").toString()).isEqualTo("[\"easy\",\"interval\",\"music\",\"shared\",\"deck\"]");
        assertThat(first.path("fields").path("Back").asText()).isEqualTo("<h1>G</h1>");
    }

    @Test
    void reimportingSkipsEverythingAndOverwriteUpdatesInstead() throws IOException {
        var first = importing(user, AP_GOV, Map.of());
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("imported_count").asInt()).isEqualTo(242);
        assertThat(first.body().path("created_decks").asInt()).isEqualTo(1);

        var again = importing(user, AP_GOV, Map.of());
        assertThat(again.body().path("imported_count").asInt()).isZero();
        assertThat(again.body().path("skipped_count").asInt()).isEqualTo(242);
        assertThat(again.body().path("created_decks").asInt()).isZero();
        assertThat(again.body().path("skipped").get(0).path("reason").asText()).contains("is already card");

        var overwrite = importing(user, AP_GOV, Map.of("overwrite", "true", "tags", "reviewed"));
        assertThat(overwrite.body().path("updated_count").asInt()).isEqualTo(242);
        assertThat(overwrite.body().path("imported_count").asInt()).isZero();

        List<JsonNode> cards = allCards(user);
        assertThat(cards).hasSize(242).allSatisfy(card ->
                assertThat(card.path("tags").toString()).contains("\"reviewed\""));
        assertThat(cards).allSatisfy(card -> assertThat(card.path("template_id").asText())
                .isEqualTo(TemplateId.ofSystem("Basic (and reversed card)").toString()));
    }

    @Test
    void importsUnderAnExistingDeck() throws IOException {
        String inbox = api.post("/api/decks", ApiClient.body("name", "Inbox"), user.accessToken()).text("id");

        var response = importing(user, AP_GOV, Map.of("deck_id", inbox));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        var tree = api.get("/api/decks/tree", user.accessToken()).body();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).path("children").get(0).path("name").asText()).isEqualTo("Gov Vocab");
        assertThat(tree.get(0).path("total_cards_count").asLong()).isEqualTo(242);
    }

    @Test
    void garbageIsRefusedAndCreatesNothing() {
        var response = api.upload("/api/sync/import", user.accessToken(), "notes.apkg",
                "this is not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("SYNC_002");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(allCards(user)).isEmpty();
        assertThat(api.get("/api/decks/tree", user.accessToken()).body()).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() {
        var response = api.upload("/api/sync/import", user.accessToken(), "empty.apkg", new byte[0], Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("SYNC_002");
    }

    @Test
    void anotherUserNeverSeesTheImportedCards() throws IOException {
        importing(user, MUSIC, Map.of());
        Session other = accounts.register();

        assertThat(allCards(other)).isEmpty();
        assertThat(api.get("/api/decks/tree", other.accessToken()).body()).isEmpty();
        var theirs = importing(other, MUSIC, Map.of());
        assertThat(theirs.body().path("imported_count").asInt()).as("someone else's cards are no duplicates").isEqualTo(340);
    }

    @Test
    void importNeedsAnAccount() throws IOException {
        var response = api.upload("/api/sync/import", null, MIXED, fixture(MIXED), Map.of());

        assertThat(response.status()).isEqualTo(401);
    }
}
