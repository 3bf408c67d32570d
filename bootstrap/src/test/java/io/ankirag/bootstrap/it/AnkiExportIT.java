package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.AnkiImportIT.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Exports decks through HTTP and imports the packages again, into another account and into the same one. */
@IntegrationTest
class AnkiExportIT extends HttpApiTestBase {

    @Autowired
    ReadAnkiPackagePort packages;


    /** The mixed fixture's one image; its Image Occlusion note is refused, but the file is stored. */
    static final String MIXED_IMAGE = "paste-ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac.jpg";

    Session user;
    Session other;

    @BeforeEach
    void twoUsers() {
        user = accounts.register();
        other = accounts.register();
    }

    private ApiClient.Response importing(Session session, byte[] pkg, Map<String, ?> parts) {
        return api.upload("/api/sync/import", session.accessToken(), "export.apkg", pkg, parts);
    }

    private byte[] exported(Session session, String deck, boolean onlyApproved) {
        HttpResponse<byte[]> response = api.download("/api/decks/" + deck + "/export.apkg?only_approved=" + onlyApproved,
                session.accessToken());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/apkg");
        return response.body();
    }

    private List<JsonNode> allCards(Session session) {
        List<JsonNode> cards = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/cards?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), session.accessToken());
            page.body().path("items").forEach(cards::add);
            cursor = page.body().path("next_cursor").asText(null);
        } while (cursor != null);
        return cards;
    }

    /** Fields and tags by Anki note id: what must survive export and import (own templates get new ids). */
    private Map<Long, String> contentByNote(Session session) {
        Map<Long, String> content = new TreeMap<>();
        allCards(session).forEach(card -> content.put(card.path("anki_note_id").asLong(),
                card.path("fields").toString() + card.path("tags")));
        return content;
    }

    private Set<String> guids(byte[] pkg) throws IOException {
        Path file = Files.createTempFile("export", ".apkg");
        try {
            Files.write(file, pkg);
            return packages.read(file, ReadLimits.defaults()).notes().stream().map(AnkiNote::guid).collect(Collectors.toSet());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void nestedImportedDeckSurvivesExportIntoAnotherAccountAndReimportingSkipsEverything() throws IOException {
        var imported = api.upload("/api/sync/import", user.accessToken(), AnkiImportIT.MUSIC,
                fixture(AnkiImportIT.MUSIC), Map.of());
        assertThat(imported.body().path("imported_count").asInt()).isEqualTo(340);
        JsonNode root = api.get("/api/decks/tree", user.accessToken()).body().get(0);

        HttpResponse<byte[]> download = api.download("/api/decks/" + root.path("id").asText() + "/export.apkg",
                user.accessToken());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Music Intervals.apkg\"");
        byte[] pkg = download.body();
        assertThat(guids(pkg)).as("Anki's own note guids travel back, so Anki updates its notes instead of duplicating them")
                .isEqualTo(guids(fixture(AnkiImportIT.MUSIC)));

        var elsewhere = importing(other, pkg, Map.of());
        assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(200);
        assertThat(elsewhere.body().path("imported_count").asInt()).isEqualTo(340);
        assertThat(elsewhere.body().path("failed_count").asInt()).isZero();
        assertThat(elsewhere.body().path("created_decks").asInt()).isEqualTo(5);
        assertThat(elsewhere.body().path("created_templates").asInt()).as("system templates map back").isZero();
        JsonNode copy = api.get("/api/decks/tree", other.accessToken()).body();
        assertThat(copy).hasSize(1);
        assertThat(copy.get(0).path("name").asText()).isEqualTo("Music Intervals");
        assertThat(copy.get(0).path("total_cards_count").asLong()).isEqualTo(340);
        assertThat(copy.get(0).path("children").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(root.path("children").findValuesAsText("name"));
        assertThat(contentByNote(other)).isEqualTo(contentByNote(user));

        var again = importing(user, pkg, Map.of("overwrite", "false"));
        assertThat(again.body().path("imported_count").asInt()).isZero();
        assertThat(again.body().path("skipped_count").asInt()).isEqualTo(340);
        assertThat(again.body().path("created_decks").asInt()).isZero();
        assertThat(allCards(user)).hasSize(340);
    }

    @Test
    void cardsWrittenHereExportWithSubDecksClozeCardsAndOnlyApprovedOnesWhenAsked() {
        String deck = api.post("/api/decks", ApiClient.body("name", "Chords: triads"), user.accessToken()).text("id");
        String sub = api.post("/api/decks", ApiClient.body("name", "Minor", "parent_id", deck), user.accessToken()).text("id");
        String approved = api.post("/api/cards", ApiClient.body("deck_id", deck, "template_id", TemplateId.ofSystem("Cloze").toString(),
                "fields", Map.of("Text", "{{c1::C}} {{c2::E}} G", "Back Extra", "major"), "tags", List.of("chords")),
                user.accessToken()).text("id");
        api.post("/api/cards/" + approved + "/approve", Map.of(), user.accessToken());
        api.post("/api/cards", ApiClient.body("deck_id", sub, "template_id", TemplateId.ofSystem("Basic").toString(),
                "fields", Map.of("Front", "A minor", "Back", "A C E")), user.accessToken());

        var all = importing(other, exported(user, deck, false), Map.of());
        assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
        assertThat(all.body().path("imported_count").asInt()).isEqualTo(2);
        assertThat(all.body().path("created_decks").asInt()).isEqualTo(2);
        JsonNode tree = api.get("/api/decks/tree", other.accessToken()).body();
        assertThat(tree.get(0).path("name").asText()).isEqualTo("Chords: triads");
        assertThat(tree.get(0).path("children").get(0).path("name").asText()).isEqualTo("Minor");
        JsonNode cloze = allCards(other).stream()
                .filter(card -> card.path("template_id").asText().equals(TemplateId.ofSystem("Cloze").toString()))
                .findFirst().orElseThrow();
        assertThat(cloze.path("fields").path("Text").asText()).isEqualTo("{{c1::C}} {{c2::E}} G");
        assertThat(cloze.path("tags").toString()).isEqualTo("[\"chords\"]");

        Session third = accounts.register();
        var onlyApproved = importing(third, exported(user, deck, true), Map.of());
        assertThat(onlyApproved.body().path("imported_count").asInt()).isEqualTo(1);
    }

    @Test
    void mediaTheFieldsReferenceTravelWithTheCards() throws IOException {
        var imported = api.upload("/api/sync/import", user.accessToken(), AnkiImportIT.MIXED,
                fixture(AnkiImportIT.MIXED), Map.of());
        assertThat(imported.body().path("imported_count").asInt()).isEqualTo(7);
        String deck = api.get("/api/decks/tree", user.accessToken()).body().get(0).path("id").asText();
        var withImage = api.post("/api/cards", ApiClient.body("deck_id", deck, "template_id", TemplateId.ofSystem("Basic").toString(),
                "fields", Map.of("Front", "Which diagram? <img src=\"" + MIXED_IMAGE + "\">", "Back", "[sound:missing.mp3]")),
                user.accessToken());
        assertThat(withImage.status()).as(withImage.body().toString()).isEqualTo(201);

        var elsewhere = importing(other, exported(user, deck, false), Map.of());

        assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(200);
        assertThat(elsewhere.body().path("imported_count").asInt()).isEqualTo(8);
        assertThat(elsewhere.body().path("failed_count").asInt()).isZero();
        assertThat(elsewhere.body().path("media_files").asInt()).as("a missing file is left out").isEqualTo(1);
        assertThat(elsewhere.body().path("created_templates").asInt()).as("optional reversed and type-in-the-answer")
                .isEqualTo(2);
        assertThat(contentByNote(other).values()).containsExactlyInAnyOrderElementsOf(contentByNote(user).values());
    }

    @Test
    void anotherUsersDeckIsNotFound() {
        String deck = api.post("/api/decks", ApiClient.body("name", "Private"), user.accessToken()).text("id");

        var response = api.get("/api/decks/" + deck + "/export.apkg", other.accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("DECK_001");
    }
}
