package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A push of {@code bench.sync.notes} new notes (5,000 by default), one in ten showing its own image (500 media
 * files of 2-8 KB), to the real-collection AnkiConnect peer, timed from {@code POST /api/sync/push} to the task's
 * completion as a client sees it, with the HTTP round trips our client made; then the same notes and files sent to a
 * second, fresh peer the naive way (the embedding workers are off, so that only the sync runs), one {@code addNote} (and one {@code storeMediaFile}) request each. Not a test:
 * its name matches no test pattern; {@code make bench-sync} runs it on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class SyncBenchmark {

    static final int NOTES = Integer.getInteger("bench.sync.notes", 5_000);
    static final int MEDIA_EVERY = 10;
    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static final AnkiConnectPeer ANKI = AnkiConnectPeer.start();

    @DynamicPropertySource
    static void anki(DynamicPropertyRegistry registry) {
        registry.add("ankirag.anki-connect.url", () -> ANKI.url().toString());
        registry.add("ankirag.anki-connect.request-timeout", () -> "300s");
        registry.add("ankirag.http.max-json-body", () -> "4MB");
        // Measures the sync, not the search index: no embedding competes for the two cores meanwhile.
        registry.add("ankirag.embedding.worker.threads", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    SendCommandPort commands;

    @Autowired
    StoreMediaPort media;

    @Autowired
    AnkiConnectPort anki;

    @Test
    void pushOfNewNotesWithMedia() {
        ApiClient api = new ApiClient(port);
        Session user = new Accounts(api).register();
        UserId owner = UserId.of(new Accounts(api).idOf(user));
        String deck = api.post("/api/decks", body("name", "Bench sync"), user.accessToken()).text("id");
        Random random = new Random(8);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> contents = new ArrayList<>();
        for (int i = 0; i < NOTES; i++) {
            String back = "answer " + i + " " + Long.toHexString(random.nextLong());
            if (i % MEDIA_EVERY == 0) {
                String name = "bench-" + i + ".png";
                byte[] content = new byte[2048 + random.nextInt(6144)];
                random.nextBytes(content);
                files.put(name, content);
                media.store(owner, name, new ByteArrayInputStream(content));
                back += "<br><img src=\"" + name + "\">";
            }
            contents.add(body("fields", Map.of("Front", "question " + i + " " + Long.toHexString(random.nextLong()),
                    "Back", back), "tags", List.of("bench")));
        }
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < NOTES; from += 500) {
            var created = api.post("/api/cards/bulk", body("deck_id", deck, "template_id", BASIC,
                    "cards", contents.subList(from, Math.min(NOTES, from + 500))), user.accessToken());
            created.body().path("created").forEach(card -> ids.add(card.path("id").asText()));
        }
        assertThat(ids).hasSize(NOTES);
        commands.sendEach(ids.stream().map(id -> new ApproveCard(new CardId(java.util.UUID.fromString(id)), owner, Instant.now())).toList());

        long tripsBefore = anki.roundTrips();
        long start = System.nanoTime();
        String task = api.post("/api/sync/push", body("card_ids", ids), user.accessToken()).text("task_id");
        JsonNode done = await(api, user, task);
        double seconds = (System.nanoTime() - start) / 1e9;
        long trips = anki.roundTrips() - tripsBefore;
        long added = 0;
        for (JsonNode result : done.path("results")) {
            if (result.path("outcome").asText().equals("added")) {
                added++;
            }
        }
        assertThat(added).isEqualTo(NOTES);
        JsonNode collection = ANKI.contents();
        assertThat(collection.path("notes").size()).isEqualTo(NOTES);
        assertThat(collection.path("media").size()).isEqualTo(files.size());

        if (!Boolean.parseBoolean(System.getProperty("bench.sync.naive", "true"))) {
            ANKI.close();
            System.out.printf(Locale.ROOT, "%n[bench-sync] push through the API: %.1f s, %.0f notes/s, %d AnkiConnect round trips%n%n",
                    seconds, NOTES / seconds, trips);
            return;
        }
        AnkiConnectPeer naive = AnkiConnectPeer.start();
        long naiveStart = System.nanoTime();
        long naiveTrips = 0;
        naive.call("createDeck", Map.of("deck", "Bench sync"));
        naiveTrips++;
        for (var file : files.entrySet()) {
            naive.call("storeMediaFile", Map.of("filename", file.getKey(), "data", Base64.getEncoder().encodeToString(file.getValue())));
            naiveTrips++;
        }
        for (Map<String, Object> content : contents) {
            naive.call("addNote", Map.of("note", Map.of("deckName", "Bench sync", "modelName", "Basic",
                    "fields", content.get("fields"), "tags", List.of("bench"))));
            naiveTrips++;
        }
        double naiveSeconds = (System.nanoTime() - naiveStart) / 1e9;
        naive.close();
        ANKI.close();

        System.out.printf(Locale.ROOT, "%n[bench-sync] %d new notes, %d media files (%.1f MB)%n", NOTES, files.size(),
                files.values().stream().mapToLong(f -> f.length).sum() / 1e6);
        System.out.printf(Locale.ROOT, "[bench-sync] push through the API: %.1f s, %.0f notes/s, %d AnkiConnect round trips%n",
                seconds, NOTES / seconds, trips);
        System.out.printf(Locale.ROOT, "[bench-sync] one request per note and file: %.1f s, %.0f notes/s, %d round trips%n",
                naiveSeconds, NOTES / naiveSeconds, naiveTrips);
        System.out.printf(Locale.ROOT, "[bench-sync] %.0fx fewer round trips, %.1fx the speed%n%n",
                (double) naiveTrips / trips, naiveSeconds / seconds);
    }

    private static JsonNode await(ApiClient api, Session user, String task) {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = api.get("/api/sync/tasks/" + task, user.accessToken()).body();
            String status = view.path("status").asText();
            if (status.equals("completed")) {
                return view;
            }
            if (status.equals("failed") || status.equals("deferred")) {
                throw new AssertionError("the push did not complete: " + view);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the push did not complete in time");
    }
}
