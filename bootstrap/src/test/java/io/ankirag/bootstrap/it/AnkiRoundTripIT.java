package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static io.ankirag.bootstrap.it.TemplatesIT.cardType;
import static io.ankirag.bootstrap.it.TemplatesIT.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.it.Library.PlacedNote;
import io.ankirag.domain.template.TemplateId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The round trip with the real Anki (issue 5): a deck exported here is imported into a fresh Anki collection by
 * Anki's own code, and what Anki then exports comes back here without a single copy.
 */
@IntegrationTest
class AnkiRoundTripIT extends HttpApiTestBase {

    static final String ROOT = "Peer Languages";
    static final String GRAMMAR_CSS = ".card { font-family: serif; }\n.rule { color: #a00; }\n";

    @Autowired
    ReadAnkiPackagePort reader;

    @TempDir
    Path work;

    AnkiPeer peer;
    Session user;
    Library library;

    @BeforeEach
    void aLibraryFromAnkiWithCardsWrittenHere() throws IOException {
        peer = AnkiPeer.get();
        user = accounts.register();
        library = new Library(api, user);
        var imported = api.upload("/api/sync/import", user.accessToken(), "anki-latest.apkg",
                Files.readAllBytes(peer.packageFile("anki-latest.apkg")), Map.of());
        assertThat(imported.body().path("imported_count").asInt()).as(imported.body().toString()).isEqualTo(7);

        String root = deckAt(List.of(ROOT));
        String spanish = api.post("/api/decks", body("name", "Spanish", "parent_id", root), user.accessToken()).text("id");
        String vocabulary = library.cards().stream()
                .filter(card -> card.path("fields").path("Word").asText().equals("der Hund"))
                .findFirst().orElseThrow().path("template_id").asText();
        var grammar = api.post("/api/templates", body("name", "Grammar Rule",
                "fields", List.of(field("Rule", true), field("Example", false), field("Exception", false)),
                "card_types", List.of(cardType("Rule", "<div class=rule>{{Rule}}</div>", "{{FrontSide}}<hr id=answer>{{Example}}"),
                        cardType("Exception", "{{#Exception}}{{Rule}}: exception?{{/Exception}}", "{{Exception}}")),
                "css", GRAMMAR_CSS), user.accessToken());
        assertThat(grammar.status()).as(grammar.body().toString()).isEqualTo(201);

        create(spanish, TemplateId.ofSystem("Basic").toString(), Map.of("Front", "hola", "Back", "hello"), List.of("spanish"));
        create(spanish, TemplateId.ofSystem("Cloze").toString(),
                Map.of("Text", "{{c1::Madrid}} is the capital of {{c2::Spain}}", "Back Extra", ""), List.of("geography"));
        create(spanish, vocabulary, Map.of("Word", "el perro", "Meaning", "the dog", "Example", "El perro ladra.",
                "Picture", "<img src=\"peer-dog.png\">", "Audio", "[sound:peer-bark.wav]"), List.of("spanish", "animals"));
        create(root, grammar.text("id"), Map.of("Rule", "Adjectives agree with nouns", "Example", "la casa blanca",
                "Exception", "el agua fría"), List.of("grammar::agreement"));
        // Fronts that show nothing: Anki makes no card for them, and neither may an export.
        create(root, grammar.text("id"), Map.of("Rule", "Nouns have a gender", "Example", "el libro", "Exception", ""),
                List.of("grammar"));
        create(spanish, TemplateId.ofSystem("Basic (and reversed card)").toString(), Map.of("Front", "gato", "Back", ""),
                List.of());
    }

    @Test
    void ankiImportsOurExportWithEveryNoteFieldTagDeckAndMediaAndAddsNothingTheSecondTime() throws IOException {
        Path ours = exportRoot();
        List<PlacedNote> exported = notesUnderRoot();
        Path collection = work.resolve("anki/collection.anki2");

        JsonNode first = peer.importInto(collection, ours);

        assertThat(first.path("log").path("new").asInt()).as(first.path("log").toString()).isEqualTo(exported.size());
        assertThat(first.path("log").path("missing_notetype").asInt()).isZero();
        assertThat(first.path("database_problems")).as("Check Database").isEmpty();
        assertThat(first.path("empty_cards").asInt()).as("Empty Cards").isZero();
        JsonNode anki = first.path("collection");
        assertThat(placedNotes(anki)).containsExactlyInAnyOrderElementsOf(exported);
        assertThat(anki.path("card_count").asInt()).isEqualTo(reader.read(ours, ReadLimits.defaults()).cards().size());
        assertThat(cardsOf(anki, "{{c1::Madrid}} is the capital of {{c2::Spain}}")).as("one card per cloze number").isEqualTo(2);
        assertThat(cardsOf(anki, "el perro")).as("one card per card type").isEqualTo(2);
        assertThat(cardsOf(anki, "Adjectives agree with nouns")).as("the exception card has its field").isEqualTo(2);
        assertThat(cardsOf(anki, "Nouns have a gender")).as("no exception, no exception card").isEqualTo(1);
        assertThat(cardsOf(anki, "gato")).as("no back, no reverse card").isEqualTo(1);
        Map<String, String> media = new TreeMap<>();
        anki.path("media").properties().forEach(file -> media.put(file.getKey(), file.getValue().asText()));
        Map<String, String> original = new TreeMap<>();
        peer.manifest("anki-latest.apkg").path("media").properties()
                .forEach(file -> original.put(file.getKey(), file.getValue().asText()));
        assertThat(media).as("every file the cards use, byte for byte").isEqualTo(original);
        JsonNode grammar = noteType(anki, "Grammar Rule");
        assertThat(grammar.path("css").asText()).isEqualTo(GRAMMAR_CSS);
        assertThat(grammar.path("fields").toString()).isEqualTo("[\"Rule\",\"Example\",\"Exception\"]");
        assertThat(grammar.path("templates").findValuesAsText("name")).containsExactly("Rule", "Exception");
        assertThat(noteType(anki, "Peer Vocabulary").path("css").asText())
                .isEqualTo(peer.manifest("anki-latest.apkg").path("note_types").findValues("css").stream()
                        .map(JsonNode::asText).filter(css -> css.contains("peer-word")).findFirst().orElseThrow());

        JsonNode again = peer.importInto(collection, ours);

        assertThat(again.path("log").path("new").asInt()).as(again.path("log").toString()).isZero();
        assertThat(again.path("log").path("duplicate").asInt()).as("matched by guid, unchanged").isEqualTo(exported.size());
        assertThat(again.path("collection").path("notes")).hasSize(exported.size());
        assertThat(again.path("collection").path("card_count").asInt()).isEqualTo(anki.path("card_count").asInt());
    }

    @Test
    void whatAnkiExportsOfOurDeckComesBackWithoutCopiesInEitherFormat() throws IOException {
        List<PlacedNote> exported = notesUnderRoot();
        Path collection = work.resolve("anki/collection.anki2");
        peer.importInto(collection, exportRoot());
        List<JsonNode> before = library.cards();
        Map<String, List<String>> decksBefore = library.deckPaths();

        for (boolean legacy : List.of(false, true)) {
            Path back = work.resolve(legacy ? "from-anki-legacy.apkg" : "from-anki.apkg");
            assertThat(peer.exportFrom(collection, back, legacy).path("notes").asInt()).isEqualTo(exported.size());

            var again = importing(user, back, Map.of());

            assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
            assertThat(again.body().path("imported_count").asInt()).as(again.body().toString()).isZero();
            assertThat(again.body().path("updated_count").asInt()).isZero();
            assertThat(again.body().path("failed_count").asInt()).isZero();
            assertThat(again.body().path("skipped_count").asInt()).isEqualTo(exported.size());
            assertThat(again.body().path("created_decks").asInt()).isZero();
            assertThat(again.body().path("created_templates").asInt()).isZero();
            assertThat(library.cards()).hasSameSizeAs(before);
            assertThat(library.deckPaths()).isEqualTo(decksBefore);
        }

        Path back = work.resolve("from-anki.apkg");
        var overwritten = importing(user, back, Map.of("overwrite", "true"));

        assertThat(overwritten.body().path("updated_count").asInt()).as(overwritten.body().toString()).isEqualTo(exported.size());
        assertThat(overwritten.body().path("imported_count").asInt()).isZero();
        assertThat(library.cards()).hasSameSizeAs(before);
        assertThat(notesUnderRoot()).containsExactlyInAnyOrderElementsOf(exported);

        Session other = accounts.register();
        var elsewhere = importing(other, back, Map.of());

        assertThat(elsewhere.body().path("imported_count").asInt()).as(elsewhere.body().toString()).isEqualTo(exported.size());
        assertThat(elsewhere.body().path("failed_count").asInt()).isZero();
        assertThat(elsewhere.body().path("media_files").asInt()).isEqualTo(5);
        assertThat(new Library(api, other).placedNotes()).containsExactlyInAnyOrderElementsOf(exported);
    }

    @Test
    void ourExportUpdatesTheNotesOfTheAnkiCollectionTheDeckCameFrom() throws Exception {
        Path collection = peer.copyOfGeneratedCollection(work.resolve("original"));
        JsonNode before = peer.contents(collection);
        // Anki updates a note only when the incoming one is newer, in whole seconds.
        Thread.sleep(1_100);
        JsonNode bonjour = library.cards().stream()
                .filter(card -> card.path("fields").path("Front").asText().equals("<b>bonjour</b>")).findFirst().orElseThrow();
        var edited = api.patch("/api/cards/" + bonjour.path("id").asText(),
                body("fields", Map.of("Front", "<b>bonjour</b>", "Back", "hello, good day")), user.accessToken());
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);

        JsonNode result = peer.importInto(collection, exportRoot());

        JsonNode log = result.path("log");
        assertThat(log.path("conflicting").asInt()).as("notes Anki refuses to update: " + log).isZero();
        assertThat(log.path("new").asInt()).as("the notes written here").isEqualTo(6);
        assertThat(log.path("updated").asInt() + log.path("duplicate").asInt()).as("Anki's own notes").isEqualTo(5);
        JsonNode anki = result.path("collection");
        assertThat(anki.path("notes")).hasSize(before.path("notes").size() + 6);
        assertThat(anki.path("notes").findValues("fields")).anySatisfy(fields ->
                assertThat(fields.toString()).isEqualTo("[\"<b>bonjour</b>\",\"hello, good day\"]"));
        List<String> noteTypes = new ArrayList<>(names(before.path("note_types")));
        noteTypes.add("Grammar Rule");
        assertThat(names(anki.path("note_types"))).as("no copies of Anki's note types")
                .containsExactlyInAnyOrderElementsOf(noteTypes);
        assertThat(result.path("database_problems")).isEmpty();
        Map<Long, JsonNode> now = new HashMap<>();
        anki.path("note_types").forEach(type -> now.put(type.path("id").asLong(), type));
        assertThat(before.path("note_types")).as("Anki keeps its own styling of the note types").allSatisfy(type -> {
            assertThat(now.get(type.path("id").asLong()).path("css")).isEqualTo(type.path("css"));
            assertThat(now.get(type.path("id").asLong()).path("templates")).isEqualTo(type.path("templates"));
        });
    }

    private void create(String deck, String template, Map<String, String> fields, List<String> tags) {
        var created = api.post("/api/cards", body("deck_id", deck, "template_id", template, "fields", fields, "tags", tags),
                user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private String deckAt(List<String> path) {
        return library.deckPaths().entrySet().stream().filter(deck -> deck.getValue().equals(path))
                .findFirst().orElseThrow().getKey();
    }

    private Path exportRoot() throws IOException {
        HttpResponse<byte[]> download = api.download("/api/decks/" + deckAt(List.of(ROOT)) + "/export.apkg",
                user.accessToken());
        assertThat(download.statusCode()).as(new String(download.body())).isEqualTo(200);
        return Files.write(work.resolve("ankirag.apkg"), download.body());
    }

    private List<PlacedNote> notesUnderRoot() {
        List<PlacedNote> notes = library.placedNotes().stream().filter(note -> note.deck().getFirst().equals(ROOT)).toList();
        assertThat(notes).as("5 notes from Anki, 6 written here").hasSize(11);
        return notes;
    }

    private ApiClient.Response importing(Session session, Path pkg, Map<String, ?> parts) throws IOException {
        return api.upload("/api/sync/import", session.accessToken(), pkg.getFileName().toString(), Files.readAllBytes(pkg),
                parts);
    }

    /** Anki's notes, each in the deck of its first card, its fields named by its note type. */
    private static List<PlacedNote> placedNotes(JsonNode collection) {
        Map<Long, List<String>> fieldNames = new HashMap<>();
        collection.path("note_types").forEach(type ->
                fieldNames.put(type.path("id").asLong(), AnkiPeerPackagesIT.texts(type.path("fields"))));
        List<PlacedNote> notes = new ArrayList<>();
        collection.path("notes").forEach(note ->
                notes.add(Library.placed(note, fieldNames.get(note.path("note_type_id").asLong()))));
        return notes;
    }

    private static List<String> names(JsonNode noteTypes) {
        List<String> names = new ArrayList<>();
        noteTypes.forEach(type -> names.add(type.path("name").asText()));
        return names;
    }

    private static int cardsOf(JsonNode collection, String firstField) {
        for (JsonNode note : collection.path("notes")) {
            if (note.path("fields").get(0).asText().equals(firstField)) {
                return note.path("cards").size();
            }
        }
        throw new AssertionError("Anki has no note starting with " + firstField);
    }

    private static JsonNode noteType(JsonNode collection, String name) {
        for (JsonNode type : collection.path("note_types")) {
            if (type.path("name").asText().equals(name)) {
                return type;
            }
        }
        throw new AssertionError("Anki has no note type " + name + ": " + names(collection.path("note_types")));
    }
}
