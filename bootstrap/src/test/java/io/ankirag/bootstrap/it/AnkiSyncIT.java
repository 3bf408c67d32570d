package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.adapter.out.anki.ankiconnect.AnkiConnectClient;
import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.application.sync.PullReader;
import io.ankirag.application.sync.PushExecutor;
import io.ankirag.domain.card.CardId;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Push and pull against a real Anki collection behind an AnkiConnect-compatible server ({@link AnkiConnectPeer}),
 * over HTTP both ways; what lands in Anki is read back from the collection file by Anki itself. Retries wait 1 s
 * here instead of minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(OwnSchema.class)
@DirtiesContext
class AnkiSyncIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static final AnkiConnectPeer ANKI = AnkiConnectPeer.start();

    @DynamicPropertySource
    static void anki(DynamicPropertyRegistry registry) {
        OwnSchema.use(registry, "it_anki_sync");
        registry.add("ankirag.anki-connect.url", () -> ANKI.url().toString());
        registry.add("ankirag.anki-connect.connect-timeout", () -> "2s");
        registry.add("ankirag.anki-connect.request-timeout", () -> "20s");
        registry.add("ankirag.anki-connect.batch-size", () -> "3");
        registry.add("ankirag.sync.batch-size", () -> "3");
        registry.add("ankirag.sync.retry-delays", () -> "1s,1s,1s");
        registry.add("ankirag.sync.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stopAnki() {
        ANKI.close();
    }

    @Autowired
    StoreMediaPort media;

    Session user;
    String deck;

    @BeforeEach
    void userWithADeckTree() {
        user = accounts.register();
        String top = api.post("/api/decks", body("name", "Sync " + user.email().hashCode()), user.accessToken()).text("id");
        deck = api.post("/api/decks", body("name", "Verbs", "parent_id", top), user.accessToken()).text("id");
    }

    @Test
    void theSettingsPageShowsTheRunningAnkiWithItsAddOnVersion() {
        var anki = api.get("/api/settings/health", user.accessToken()).body().path("anki");

        assertThat(anki.path("url").asText()).isEqualTo(ANKI.url().toString());
        assertThat(anki.path("reachable").asBoolean()).isTrue();
        assertThat(anki.path("version").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(anki.path("problem_code").isNull()).isTrue();
    }

    @Test
    void theFirstPushCreatesTheDeckPathAndTheNoteTypeAndAddsEveryCard() {
        String template = api.post("/api/templates", body("name", "Vocab " + user.email().hashCode(),
                "fields", List.of(field("Word", true), field("Meaning", false), field("Example", false)),
                "card_types", List.of(cardType("Recognition", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}"),
                        cardType("Recall", "{{Meaning}}", "{{FrontSide}}<hr id=answer>{{Word}}")),
                "css", ".card { color: navy; }"), user.accessToken()).text("id");
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cards.add(approved(template, Map.of("Word", "être " + i + " " + user.email(), "Meaning", "to be " + i,
                    "Example", "je suis")));
        }

        var accepted = api.post("/api/sync/push", body("card_ids", cards), user.accessToken());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("queued");
        assertThat(accepted.body().path("cards_count").asInt()).isEqualTo(5);
        assertThat(accepted.raw().headers().firstValue("Location")).contains("/api/sync/tasks/" + accepted.text("task_id"));

        JsonNode task = awaitTask(accepted.text("task_id"), "completed");
        assertThat(task.path("results")).hasSize(5).allSatisfy(result -> {
            assertThat(result.path("outcome").asText()).isEqualTo("added");
            assertThat(result.path("anki_note_id").asLong()).isPositive();
        });

        JsonNode anki = ANKI.contents();
        String deckPath = "Sync " + user.email().hashCode() + "::Verbs";
        JsonNode type = find(anki.path("note_types"), t -> t.path("name").asText().equals("Vocab " + user.email().hashCode()));
        assertThat(texts(type.path("fields"))).containsExactly("Word", "Meaning", "Example");
        assertThat(type.path("templates")).hasSize(2);
        assertThat(type.path("templates").get(1).path("front").asText()).isEqualTo("{{Meaning}}");
        assertThat(type.path("css").asText()).contains("color: navy");
        List<JsonNode> notes = notesOfType(anki, "Vocab " + user.email().hashCode());
        assertThat(notes).hasSize(5);
        assertThat(notes).allSatisfy(note -> {
            assertThat(note.path("fields").get(1).asText()).startsWith("to be");
            assertThat(note.path("cards")).hasSize(2);
            assertThat(String.join("::", texts(note.path("cards").get(0).path("deck")))).isEqualTo(deckPath);
        });
        for (String card : cards) {
            var read = api.get("/api/cards/" + card, user.accessToken());
            assertThat(read.text("status")).isEqualTo("synced");
            assertThat(notes.stream().map(n -> n.path("id").asLong())).contains(read.body().path("anki_note_id").asLong());
        }
    }

    @Test
    void pushingAgainUpdatesTheNotesAndNeverAddsASecondOne() {
        String card = approved(BASIC, Map.of("Front", "capital of France " + user.email(), "Back", "Paris"));
        awaitTask(push(card), "completed");
        long note = api.get("/api/cards/" + card, user.accessToken()).body().path("anki_note_id").asLong();

        api.patch("/api/cards/" + card, body("fields", Map.of("Front", "capital of France " + user.email(),
                "Back", "Paris (since 508)")), user.accessToken());
        JsonNode again = awaitTask(push(card), "completed");
        awaitTask(push(card), "completed");

        assertThat(again.path("results").get(0).path("outcome").asText()).isEqualTo("updated");
        assertThat(again.path("results").get(0).path("anki_note_id").asLong()).isEqualTo(note);
        List<JsonNode> same = ANKI.contents().path("notes").findParents("fields").stream()
                .filter(n -> n.path("fields").get(0).asText().equals("capital of France " + user.email())).toList();
        assertThat(same).hasSize(1);
        assertThat(same.getFirst().path("id").asLong()).isEqualTo(note);
        assertThat(same.getFirst().path("fields").get(1).asText()).isEqualTo("Paris (since 508)");
        assertThat(api.get("/api/cards/" + card, user.accessToken()).text("status")).isEqualTo("synced");
    }

    @Test
    void cardsAnkiRefusesFailAloneAndTheRestAreSynced() {
        String front = "duplicate front " + user.email();
        ANKI.call("addNote", Map.of("note", Map.of("deckName", "Default", "modelName", "Basic",
                "fields", Map.of("Front", front, "Back", "already in Anki"), "tags", List.of())));
        String fine = approved(BASIC, Map.of("Front", "fine " + user.email(), "Back", "ok"));
        String duplicate = approved(BASIC, Map.of("Front", front, "Back", "ours"));
        String draft = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC,
                "fields", Map.of("Front", "draft " + user.email(), "Back", "not yet")), user.accessToken()).text("id");

        String id = push(fine, duplicate, draft);
        List<SseClient.Event> events;
        try (SseClient.Connection stream = new SseClient(port).open("/api/sync/tasks/" + id + "/stream",
                user.accessToken(), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.until("complete", "error");
        }
        JsonNode task = awaitTask(id, "completed");

        assertThat(events.stream().filter(e -> e.name().equals("result")).map(e -> e.json().path("card_id").asText()))
                .containsExactlyInAnyOrder(fine, duplicate, draft);
        assertThat(events.getLast().name()).isEqualTo("complete");
        assertThat(events.getLast().json().path("synced").asInt()).isEqualTo(1);
        assertThat(events.getLast().json().path("failed").asInt()).isEqualTo(2);
        assertThat(outcomeOf(task, fine)).isEqualTo("added");
        assertThat(outcomeOf(task, duplicate)).isEqualTo("failed");
        assertThat(outcomeOf(task, draft)).isEqualTo("failed");
        var failed = api.get("/api/cards/" + duplicate, user.accessToken());
        assertThat(failed.text("status")).isEqualTo("sync_failed");
        assertThat(failed.text("sync_error")).contains("duplicate");
        assertThat(failed.body().path("sync_attempts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/cards/" + fine, user.accessToken()).text("status")).isEqualTo("synced");
        assertThat(api.get("/api/cards/" + draft, user.accessToken()).text("status")).isEqualTo("draft");
    }

    @Test
    void whileAnkiIsClosedThePushIsDeferredAndRetriedUntilItIsBack() throws InterruptedException {
        String card = approved(BASIC, Map.of("Front", "retried " + user.email(), "Back", "later"));
        ANKI.stopServer();
        String task;
        try {
            task = push(card);
            JsonNode deferred = awaitTask(task, "deferred");
            assertThat(deferred.path("error").path("code").asText()).isEqualTo("SYNC_001");
            assertThat(deferred.path("retry_at").isNull()).isFalse();
            Thread.sleep(1_200);
        } finally {
            ANKI.startServer();
        }
        JsonNode done = awaitTask(task, "completed");
        assertThat(done.path("attempts").asInt()).isGreaterThan(1);
        assertThat(api.get("/api/cards/" + card, user.accessToken()).text("status")).isEqualTo("synced");
    }

    @Test
    void whenTheRetriesRunOutTheTaskFailsAndItsCardsBecomeSyncFailed() {
        String card = approved(BASIC, Map.of("Front", "given up " + user.email(), "Back", "never"));
        ANKI.stopServer();
        JsonNode failed;
        try {
            failed = awaitTask(push(card), "failed");
        } finally {
            ANKI.startServer();
        }
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        assertThat(failed.path("error").path("code").asText()).isEqualTo("SYNC_001");
        var read = api.get("/api/cards/" + card, user.accessToken());
        assertThat(read.text("status")).isEqualTo("sync_failed");
        assertThat(read.text("sync_error")).contains("not reachable");
    }

    @Test
    void mediaTheCardsShowIsStoredInAnkiAndMediaOfPulledNotesComesBack() throws IOException {
        UserId owner = UserId.of(accounts.idOf(user));
        byte[] picture = ("not really a png " + user.email()).getBytes();
        String name = "pic-" + Math.abs(user.email().hashCode()) + ".png";
        media.store(owner, name, new ByteArrayInputStream(picture));
        String card = approved(BASIC, Map.of("Front", "picture " + user.email(), "Back", "<img src=\"" + name + "\">"));

        awaitTask(push(card), "completed");

        assertThat(ANKI.contents().path("media").path(name).asText()).isEqualTo(sha1(picture));

        byte[] sound = ("a sound " + user.email()).getBytes();
        String soundName = "sound-" + Math.abs(user.email().hashCode()) + ".mp3";
        ANKI.call("storeMediaFile", Map.of("filename", soundName, "data", java.util.Base64.getEncoder().encodeToString(sound)));
        String ankiDeck = "Pulled " + user.email().hashCode();
        ANKI.call("createDeck", Map.of("deck", ankiDeck));
        ANKI.call("addNote", Map.of("note", Map.of("deckName", ankiDeck, "modelName", "Basic",
                "fields", Map.of("Front", "listen " + user.email(), "Back", "[sound:" + soundName + "]"), "tags", List.of("audio"))));

        JsonNode pulled = awaitTask(pull(ankiDeck, false), "completed");

        assertThat(pulled.path("results")).hasSize(1);
        assertThat(pulled.path("results").get(0).path("outcome").asText()).isEqualTo("created");
        try (InputStream in = media.open(owner, soundName)) {
            assertThat(in.readAllBytes()).isEqualTo(sound);
        }
    }

    @Test
    void aPullCreatesCardsForNewNotesAndTakesEditsMadeInAnki() throws InterruptedException {
        String ankiDeck = "Anki side " + user.email().hashCode();
        ANKI.call("createDeck", Map.of("deck", ankiDeck + "::Sub"));
        long fromAnki = ANKI.call("addNote", Map.of("note", Map.of("deckName", ankiDeck + "::Sub", "modelName", "Basic",
                "fields", Map.of("Front", "made in Anki " + user.email(), "Back", "first"), "tags", List.of("anki")))).asLong();

        JsonNode first = awaitTask(pull(ankiDeck, false), "completed");
        String card = first.path("results").get(0).path("card_id").asText();
        var created = api.get("/api/cards/" + card, user.accessToken());
        assertThat(created.text("status")).isEqualTo("synced");
        assertThat(created.body().path("anki_note_id").asLong()).isEqualTo(fromAnki);
        assertThat(created.body().path("fields").path("Back").asText()).isEqualTo("first");

        Thread.sleep(1_100); // Anki keeps modification times in whole seconds
        ANKI.call("updateNoteFields", Map.of("note", Map.of("id", fromAnki, "fields", Map.of("Back", "edited in Anki"))));
        JsonNode second = awaitTask(pull(ankiDeck, true), "completed");

        assertThat(second.path("results")).hasSize(1);
        assertThat(second.path("results").get(0).path("outcome").asText()).isEqualTo("pulled");
        var edited = api.get("/api/cards/" + card, user.accessToken());
        assertThat(edited.body().path("fields").path("Back").asText()).isEqualTo("edited in Anki");
        assertThat(edited.text("status")).isEqualTo("synced");

        JsonNode third = awaitTask(pull(ankiDeck, false), "completed");
        assertThat(third.path("results").get(0).path("outcome").asText()).isEqualTo("unchanged");
    }

    @Test
    void whenBothSidesChangedTheNewestWinsAndTheHistorySaysSo() throws InterruptedException {
        String card = approved(BASIC, Map.of("Front", "conflict " + user.email(), "Back", "pushed"));
        awaitTask(push(card), "completed");
        long note = api.get("/api/cards/" + card, user.accessToken()).body().path("anki_note_id").asLong();

        Thread.sleep(1_100);
        api.patch("/api/cards/" + card, body("fields", Map.of("Front", "conflict " + user.email(), "Back", "edited here")),
                user.accessToken());
        Thread.sleep(1_100);
        ANKI.call("updateNoteFields", Map.of("note", Map.of("id", note, "fields", Map.of("Back", "edited in Anki, later"))));

        String ankiDeck = "Sync " + user.email().hashCode();
        JsonNode task = awaitTask(pull(ankiDeck, false), "completed");

        JsonNode result = task.path("results").get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("conflict_anki_won");
        assertThat(result.path("error").asText()).contains("policy newest");
        assertThat(api.get("/api/cards/" + card, user.accessToken()).body().path("fields").path("Back").asText())
                .isEqualTo("edited in Anki, later");
        JsonNode history = api.get("/api/cards/" + card + "/history", user.accessToken()).body();
        assertThat(history.toString()).contains("card_sync_conflict_resolved").contains("Anki's version");
    }

    @Test
    void aPushForTheDesktopAgentWaitsForItAndTheAgentCarriesItOutWithTheSameClient() throws InterruptedException {
        String card = approved(BASIC, Map.of("Front", "via agent " + user.email(), "Back", "local Anki"));
        var accepted = api.post("/api/sync/push", body("card_ids", List.of(card), "via_agent", true), user.accessToken());
        String id = accepted.text("task_id");
        Thread.sleep(600); // several polls of the server's workers, which never take an agent task
        assertThat(api.get("/api/sync/tasks/" + id, user.accessToken()).text("status")).isEqualTo("queued");

        var claimed = api.post("/api/sync/agent/claim", Map.of(), user.accessToken());
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
        assertThat(claimed.text("task_id")).isEqualTo(id);
        assertThat(api.post("/api/sync/agent/claim", Map.of(), user.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/api/sync/agent/claim", Map.of(), accounts.register().accessToken()).status()).isEqualTo(204);

        // What the desktop agent does: the plan, carried out by the same executor and client against its Anki.
        PushPlan plan = planOf(claimed.body());
        var client = new AnkiConnectClient(ANKI.url(), null, Duration.ofSeconds(2), Duration.ofSeconds(20));
        new PushExecutor(client, name -> null, 100).execute(plan, batch -> {
            var reported = api.post("/api/sync/agent/tasks/" + id + "/results", body("results", batch.stream()
                    .map(r -> body("card_id", r.cardId().toString(), "anki_note_id", r.ankiNoteId(), "error", r.error()))
                    .toList()), user.accessToken());
            assertThat(reported.status()).as(reported.body() == null ? "" : reported.body().toString()).isEqualTo(204);
        });
        assertThat(api.post("/api/sync/agent/tasks/" + id + "/finish", Map.of(), user.accessToken()).status()).isEqualTo(204);

        JsonNode task = awaitTask(id, "completed");
        assertThat(outcomeOf(task, card)).isEqualTo("added");
        var read = api.get("/api/cards/" + card, user.accessToken());
        assertThat(read.text("status")).isEqualTo("synced");
        long note = read.body().path("anki_note_id").asLong();
        assertThat(client.notesInfo(List.of(note)).getFirst().fields().get("Front")).isEqualTo("via agent " + user.email());
    }

    private static PushPlan planOf(JsonNode work) {
        List<NoteTypeSpec> types = StreamSupport.stream(work.path("note_types").spliterator(), false)
                .map(t -> new NoteTypeSpec(t.path("name").asText(), t.path("cloze").asBoolean(), texts(t.path("fields")),
                        StreamSupport.stream(t.path("card_types").spliterator(), false)
                                .map(c -> new CardTypeSpec(c.path("name").asText(), c.path("front").asText(),
                                        c.path("back").asText())).toList(), t.path("css").asText())).toList();
        List<PlannedNote> notes = StreamSupport.stream(work.path("notes").spliterator(), false)
                .map(n -> {
                    Map<String, String> fields = new java.util.LinkedHashMap<>();
                    n.path("fields").properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
                    return new PlannedNote(new CardId(java.util.UUID.fromString(n.path("card_id").asText())),
                            n.path("deck").asText(), n.path("note_type").asText(), fields, texts(n.path("tags")),
                            n.path("anki_note_id").isNull() ? null : n.path("anki_note_id").asLong());
                }).toList();
        return new PushPlan(texts(work.path("decks")), types, texts(work.path("media")), notes);
    }

    @Test
    void aPullForTheDesktopAgentIsReadByTheAgentAndAppliedByTheServerWithTheSameConflictRules() throws InterruptedException {
        String editedInAnki = approved(BASIC, Map.of("Front", "agent pull " + user.email(), "Back", "pushed"));
        String editedOnBothSides = approved(BASIC, Map.of("Front", "agent conflict " + user.email(), "Back", "pushed"));
        awaitTask(push(editedInAnki, editedOnBothSides), "completed");
        long ankiEdited = api.get("/api/cards/" + editedInAnki, user.accessToken()).body().path("anki_note_id").asLong();
        long bothEdited = api.get("/api/cards/" + editedOnBothSides, user.accessToken()).body().path("anki_note_id").asLong();
        String ankiDeck = "Sync " + user.email().hashCode();

        Thread.sleep(1_100); // Anki keeps modification times in whole seconds
        api.patch("/api/cards/" + editedOnBothSides, body("fields", Map.of("Front", "agent conflict " + user.email(),
                "Back", "edited here")), user.accessToken());
        Thread.sleep(1_100);
        ANKI.call("updateNoteFields", Map.of("note", Map.of("id", ankiEdited, "fields", Map.of("Back", "edited in Anki"))));
        ANKI.call("updateNoteFields", Map.of("note", Map.of("id", bothEdited, "fields", Map.of("Back", "edited in Anki, later"))));
        ANKI.call("createDeck", Map.of("deck", ankiDeck + "::Added in Anki"));
        long added = ANKI.call("addNote", Map.of("note", Map.of("deckName", ankiDeck + "::Added in Anki", "modelName", "Basic",
                "fields", Map.of("Front", "added in Anki " + user.email(), "Back", "new"), "tags", List.of("anki")))).asLong();

        var accepted = api.post("/api/sync/pull", body("deck", ankiDeck, "via_agent", true), user.accessToken());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String id = accepted.text("task_id");
        Thread.sleep(600); // several polls of the server's workers, which never take an agent task
        assertThat(api.get("/api/sync/tasks/" + id, user.accessToken()).text("status")).isEqualTo("queued");

        var claimed = api.post("/api/sync/agent/claim", Map.of(), user.accessToken());
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
        assertThat(claimed.text("task_id")).isEqualTo(id);
        assertThat(claimed.text("kind")).isEqualTo("pull");
        assertThat(claimed.body().path("pull").path("deck").asText()).isEqualTo(ankiDeck);

        // What the desktop agent does: the same reader and client against its Anki, uploaded in batches.
        var client = new AnkiConnectClient(ANKI.url(), null, Duration.ofSeconds(2), Duration.ofSeconds(20));
        PullReader reader = new PullReader(client, java.time.Clock.systemUTC());
        List<NoteInfo> notes = reader.notes(new PullPlan(claimed.body().path("pull").path("deck").asText(), null));
        assertThat(notes).hasSize(3);
        Map<String, Object> upload = uploadOf(notes.size(), reader.details(notes, name -> true));
        var foreign = api.post("/api/sync/agent/tasks/" + id + "/pulled", upload, accounts.register().accessToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("SYNC_006");
        var uploaded = api.post("/api/sync/agent/tasks/" + id + "/pulled", upload, user.accessToken());
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
        assertThat(uploaded.body().path("results")).hasSize(3);
        assertThat(api.post("/api/sync/agent/tasks/" + id + "/finish", Map.of(), user.accessToken()).status()).isEqualTo(204);

        JsonNode task = awaitTask(id, "completed");
        assertThat(task.path("cards_count").asInt()).isEqualTo(3);
        assertThat(outcomeOf(task, editedInAnki)).isEqualTo("pulled");
        assertThat(outcomeOf(task, editedOnBothSides)).isEqualTo("conflict_anki_won");
        JsonNode created = find(task.path("results"), r -> r.path("anki_note_id").asLong() == added);
        assertThat(created.path("outcome").asText()).isEqualTo("created");
        assertThat(api.get("/api/cards/" + editedInAnki, user.accessToken()).body().path("fields").path("Back").asText())
                .isEqualTo("edited in Anki");
        assertThat(api.get("/api/cards/" + editedOnBothSides, user.accessToken()).body().path("fields").path("Back").asText())
                .isEqualTo("edited in Anki, later");
        assertThat(api.get("/api/cards/" + editedOnBothSides + "/history", user.accessToken()).body().toString())
                .contains("card_sync_conflict_resolved").contains("Anki's version");
        var newCard = api.get("/api/cards/" + created.path("card_id").asText(), user.accessToken());
        assertThat(newCard.text("status")).isEqualTo("synced");
        assertThat(newCard.body().path("fields").path("Front").asText()).isEqualTo("added in Anki " + user.email());
    }

    private static Map<String, Object> uploadOf(int total, PulledNotes pulled) {
        return body("total", total, "decks", pulled.deckIds(),
                "note_types", pulled.noteTypes().values().stream().map(t -> body("name", t.name(),
                        "id", pulled.noteTypeIds().get(t.name()), "cloze", t.cloze(), "fields", t.fields(),
                        "card_types", t.cardTypes().stream().map(c -> body("name", c.name(), "front", c.front(),
                                "back", c.back())).toList(), "css", t.css())).toList(),
                "notes", pulled.notes().stream().map(n -> body("note_id", n.noteId(), "note_type", n.noteType(),
                        "deck", n.deck(), "fields", n.fields(), "tags", n.tags(), "modified", n.modified().toString(),
                        "card_ids", n.cardIds())).toList(),
                "media", pulled.media().stream().map(m -> body("name", m.name(),
                        "content", java.util.Base64.getEncoder().encodeToString(m.content()))).toList());
    }

    @Test
    void anotherUsersTaskIsNotFound() {
        String card = approved(BASIC, Map.of("Front", "mine " + user.email(), "Back", "x"));
        String task = push(card);
        Session other = accounts.register();
        var response = api.get("/api/sync/tasks/" + task, other.accessToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("SYNC_006");
        assertThat(api.post("/api/sync/push", body("card_ids", List.of(card)), other.accessToken()).code())
                .isEqualTo("CARD_001");
    }

    // ---------------------------------------------------------------------------------------------------------

    private String approved(String template, Map<String, String> fields) {
        var created = api.post("/api/cards", body("deck_id", deck, "template_id", template, "fields", fields),
                user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.post("/api/cards/" + id + "/approve", Map.of(), user.accessToken()).status()).isEqualTo(200);
        return id;
    }

    private String push(String... cards) {
        var accepted = api.post("/api/sync/push", body("card_ids", List.of(cards)), user.accessToken());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.text("task_id");
    }

    private String pull(String deckPath, boolean sinceLastPull) {
        var accepted = api.post("/api/sync/pull", body("deck", deckPath, "since_last_pull", sinceLastPull),
                user.accessToken());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.text("task_id");
    }

    private JsonNode awaitTask(String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode task = null;
        while (System.nanoTime() < deadline) {
            task = api.get("/api/sync/tasks/" + id, user.accessToken()).body();
            if (task.path("status").asText().equals(status)) {
                return task;
            }
            if (List.of("completed", "failed").contains(task.path("status").asText())) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("task " + id + " did not become " + status + ": " + task);
    }

    private static String outcomeOf(JsonNode task, String card) {
        return find(task.path("results"), r -> r.path("card_id").asText().equals(card)).path("outcome").asText();
    }

    private static List<JsonNode> notesOfType(JsonNode anki, String type) {
        return StreamSupport.stream(anki.path("notes").spliterator(), false)
                .filter(note -> note.path("note_type").asText().equals(type)).toList();
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false).filter(test).findFirst()
                .orElseThrow(() -> new AssertionError("nothing matches in " + array));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Map<String, Object> field(String name, boolean required) {
        return body("name", name, "required", required);
    }

    private static Map<String, Object> cardType(String name, String front, String back) {
        return body("name", name, "front_template", front, "back_template", back);
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
