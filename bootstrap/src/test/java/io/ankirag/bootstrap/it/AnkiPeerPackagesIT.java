package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.it.Library.PlacedNote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Packages that the real Anki (every format it writes), genanki and anki-apkg-export wrote (see {@link AnkiPeer}):
 * the reader sees exactly what each writer put in, and importing one over HTTP gives a library with the same notes,
 * decks, note types and media.
 */
@IntegrationTest
class AnkiPeerPackagesIT extends HttpApiTestBase {

    @Autowired
    ReadAnkiPackagePort reader;

    static Stream<String> packages() {
        return AnkiPeer.get().packageNames().stream().sorted();
    }

    /** The note as the manifest states it; guid and id only where the writer fixed them. */
    record NoteContent(Long id, String guid, String noteType, List<String> fields, List<String> tags, List<CardPlace> cards) {
    }

    record CardPlace(int ordinal, List<String> deck) {
    }

    record NoteTypeContent(String name, String kind, List<String> fields, List<List<String>> templates, String css) {
    }

    @Test
    void everyWriterAndEveryFormatIsCovered() {
        Map<String, String> formats = new TreeMap<>();
        AnkiPeer peer = AnkiPeer.get();
        peer.packageNames().forEach(name -> formats.put(name, peer.manifest(name).path("format").asText()
                + " " + peer.manifest(name).path("kind").asText()));

        assertThat(formats.values()).contains("LEGACY_ANKI2 apkg", "LEGACY_ANKI21 apkg", "LATEST_ANKI21B apkg",
                "LEGACY_ANKI21 colpkg", "LATEST_ANKI21B colpkg");
        assertThat(formats).containsKeys("genanki.apkg", "anki-apkg-export.apkg", "anki-latest.apkg", "anki-legacy.apkg",
                "anki-latest-french.apkg", "anki-latest.colpkg", "anki-legacy.colpkg");
        JsonNode anki = peer.manifest("anki-latest.apkg");
        assertThat(anki.path("notes")).as("the generator's notes").hasSize(7);
        assertThat(anki.path("notes").findValuesAsText("note_type"))
                .contains("Basic", "Basic (and reversed card)", "Cloze", "Peer Vocabulary");
        assertThat(anki.path("card_decks").toString()).contains("[\"Peer Languages\",\"French\",\"Verbs\"]");
        assertThat(anki.path("media").size()).as("two images, two sounds, a font the note type uses").isEqualTo(5);
        assertThat(peer.manifest("genanki.apkg").path("notes")).hasSize(5);
        assertThat(peer.manifest("anki-apkg-export.apkg").path("notes")).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void theReaderSeesWhatTheWriterPutIn(String name) throws IOException {
        JsonNode manifest = AnkiPeer.get().manifest(name);

        AnkiPackage pkg = reader.read(AnkiPeer.get().packageFile(name), ReadLimits.defaults());

        assertThat(pkg.format().name()).isEqualTo(manifest.path("format").asText());
        assertThat(notesOf(pkg, manifest)).containsExactlyInAnyOrderElementsOf(expectedNotes(manifest));
        assertThat(pkg.noteTypes().stream().map(AnkiPeerPackagesIT::content).toList())
                .containsExactlyInAnyOrderElementsOf(expectedNoteTypes(manifest));
        Set<List<String>> decks = new HashSet<>(pkg.decks().stream().map(AnkiDeck::path).toList());
        assertThat(decks).containsAll(paths(manifest.path("card_decks")));
        if (!manifest.path("decks").isNull()) {
            assertThat(decks).containsExactlyInAnyOrderElementsOf(paths(manifest.path("decks")));
        }
        Map<String, String> media = new TreeMap<>();
        for (AnkiMedia file : pkg.media()) {
            media.put(file.name(), sha1(file));
        }
        Map<String, String> expectedMedia = new TreeMap<>();
        manifest.path("media").properties().forEach(entry -> expectedMedia.put(entry.getKey(), entry.getValue().asText()));
        assertThat(media).isEqualTo(expectedMedia);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void importingGivesTheSameNotesDecksTemplatesAndMedia(String name) throws IOException {
        JsonNode manifest = AnkiPeer.get().manifest(name);
        Session user = accounts.register();

        var response = api.upload("/api/sync/import", user.accessToken(), name,
                Files.readAllBytes(AnkiPeer.get().packageFile(name)), Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().path("failed_count").asInt()).as(response.body().toString()).isZero();
        assertThat(response.body().path("imported_count").asInt()).isEqualTo(manifest.path("notes").size());
        assertThat(response.body().path("media_files").asInt()).isEqualTo(manifest.path("media").size());
        Library library = new Library(api, user);
        Map<String, List<String>> fieldsOfType = new HashMap<>();
        manifest.path("note_types").forEach(type -> fieldsOfType.put(type.path("name").asText(), texts(type.path("fields"))));
        List<PlacedNote> expected = new ArrayList<>();
        manifest.path("notes").forEach(note ->
                expected.add(Library.placed(note, fieldsOfType.get(note.path("note_type").asText()))));
        assertThat(library.placedNotes()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(library.deckPaths().values()).containsAll(paths(manifest.path("card_decks")));

        Map<String, JsonNode> noteTypes = new HashMap<>();
        manifest.path("note_types").forEach(type -> noteTypes.put(type.path("name").asText(), type));
        List<JsonNode> cards = library.cards();
        for (JsonNode note : manifest.path("notes")) {
            JsonNode type = noteTypes.get(note.path("note_type").asText());
            JsonNode card = cards.stream()
                    .filter(candidate -> candidate.path("fields").path(type.path("fields").get(0).asText()).asText()
                            .equals(note.path("fields").get(0).asText()))
                    .findFirst().orElseThrow();
            JsonNode template = library.template(card.path("template_id").asText());
            assertThat(Library.fieldNames(template)).as(note.toString()).isEqualTo(texts(type.path("fields")));
            assertThat(template.path("kind").asText()).isEqualTo(type.path("kind").asText().toLowerCase());
            if (!template.path("is_system").asBoolean()) {
                assertThat(template.path("name").asText()).isEqualTo(type.path("name").asText());
                assertThat(template.path("css").asText()).isEqualTo(type.path("css").asText());
                List<List<String>> cardTypes = new ArrayList<>();
                template.path("card_types").forEach(cardType -> cardTypes.add(List.of(cardType.path("name").asText(),
                        cardType.path("front_template").asText(), cardType.path("back_template").asText())));
                assertThat(cardTypes).isEqualTo(templatesOf(type));
            }
        }
    }

    private static List<NoteContent> notesOf(AnkiPackage pkg, JsonNode manifest) {
        boolean fixedIds = !manifest.path("notes").get(0).path("id").isNull();
        boolean fixedGuids = !manifest.path("notes").get(0).path("guid").isNull();
        Map<Long, String> typeNames = new HashMap<>();
        pkg.noteTypes().forEach(type -> typeNames.put(type.ankiId(), type.name()));
        Map<Long, List<String>> deckPaths = new HashMap<>();
        pkg.decks().forEach(deck -> deckPaths.put(deck.ankiId(), deck.path()));
        Map<Long, List<CardPlace>> cards = new HashMap<>();
        for (AnkiCard card : pkg.cards()) {
            cards.computeIfAbsent(card.noteId(), id -> new ArrayList<>())
                    .add(new CardPlace(card.ordinal(), deckPaths.get(card.deckId())));
        }
        List<NoteContent> notes = new ArrayList<>();
        for (AnkiNote note : pkg.notes()) {
            List<CardPlace> places = new ArrayList<>(cards.getOrDefault(note.ankiId(), List.of()));
            places.sort(Comparator.comparingInt(CardPlace::ordinal));
            notes.add(new NoteContent(fixedIds ? note.ankiId() : null, fixedGuids ? note.guid() : null,
                    typeNames.get(note.noteTypeId()), note.fields(), note.tags(), places));
        }
        return notes;
    }

    private static List<NoteContent> expectedNotes(JsonNode manifest) {
        List<NoteContent> notes = new ArrayList<>();
        for (JsonNode note : manifest.path("notes")) {
            List<CardPlace> places = new ArrayList<>();
            note.path("cards").forEach(card -> places.add(new CardPlace(card.path("ordinal").asInt(), texts(card.path("deck")))));
            notes.add(new NoteContent(note.path("id").isNull() ? null : note.path("id").asLong(),
                    note.path("guid").isNull() ? null : note.path("guid").asText(), note.path("note_type").asText(),
                    texts(note.path("fields")), texts(note.path("tags")), places));
        }
        return notes;
    }

    private static NoteTypeContent content(AnkiNoteType type) {
        return new NoteTypeContent(type.name(), type.kind().name(), type.fields(),
                type.templates().stream().map(t -> List.of(t.name(), t.front(), t.back())).toList(), type.css());
    }

    private static List<NoteTypeContent> expectedNoteTypes(JsonNode manifest) {
        List<NoteTypeContent> types = new ArrayList<>();
        manifest.path("note_types").forEach(type -> types.add(new NoteTypeContent(type.path("name").asText(),
                type.path("kind").asText(), texts(type.path("fields")), templatesOf(type), type.path("css").asText())));
        return types;
    }

    private static List<List<String>> templatesOf(JsonNode type) {
        List<List<String>> templates = new ArrayList<>();
        type.path("templates").forEach(t -> templates.add(List.of(t.path("name").asText(), t.path("front").asText(),
                t.path("back").asText())));
        return templates;
    }

    static List<List<String>> paths(JsonNode paths) {
        List<List<String>> result = new ArrayList<>();
        paths.forEach(path -> result.add(texts(path)));
        return result;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    static String sha1(AnkiMedia file) throws IOException {
        try (InputStream in = new DigestInputStream(file.open(), MessageDigest.getInstance("SHA-1"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
