package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.port.out.anki.WriteAnkiPackagePort;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Packages above {@code SYNC_IMPORT_INLINE_MAX_BYTES} (2 MB, also in tests) go through the background job: the
 * tests write packages of a few dozen notes with three 1 MB images, which no zip compresses below that (few
 * notes: every card written here is embedded again when RagSearchIT rebuilds the search index).
 */
@IntegrationTest
class ImportJobIT extends HttpApiTestBase {

    static final int NOTES = 40;
    static final String[] MEDIA = {"big-0.png", "big-1.png", "big-2.png"};

    @Autowired WriteAnkiPackagePort writer;
    @Autowired JdbcTemplate jdbc;
    @Value("${ankirag.media.root}") Path mediaRoot;
    @Value("${ankirag.import.upload-folder}") Path uploadFolder;

    Session user;
    String userId;

    @BeforeEach
    void aUser() {
        user = accounts.register();
        userId = accounts.idOf(user);
    }

    @Test
    void aLargePackageIsQueuedAndItsJobEndsWithTheAnswerAnInlineImportGives() throws IOException {
        var accepted = importing(user, bigPackage(null), Map.of("tags", "big"));

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String jobId = accepted.body().path("job_id").asText();
        assertThat(accepted.body().path("status").asText()).isIn("pending", "running", "completed");
        assertThat(accepted.raw().headers().firstValue("Location")).hasValue("/api/sync/import/jobs/" + jobId);

        JsonNode job = awaitJob(user, jobId, j -> j.path("status").asText().equals("completed"));
        assertThat(job.path("attempts").asInt()).isEqualTo(1);
        assertThat(job.path("file_name").asText()).isEqualTo("big.apkg");
        assertThat(job.path("progress").path("phase").asText()).isEqualTo("done");
        assertThat(job.path("progress").path("percent").asInt()).isEqualTo(100);
        assertThat(job.path("progress").path("notes_done").asInt()).isEqualTo(NOTES);
        assertThat(job.path("error").isNull()).isTrue();
        JsonNode result = job.path("result");
        assertThat(result.path("imported_count").asInt()).isEqualTo(NOTES);
        assertThat(result.path("failed_count").asInt()).isZero();
        assertThat(result.path("created_decks").asInt()).isEqualTo(3);
        assertThat(result.path("created_templates").asInt()).isEqualTo(1);
        assertThat(result.path("media_files").asInt()).isEqualTo(MEDIA.length);
        assertThat(result.path("skipped").isArray()).isTrue();

        List<JsonNode> cards = allCards(user);
        assertThat(cards).hasSize(NOTES).allSatisfy(card -> assertThat(card.path("tags").toString()).contains("\"big\""));
        for (String media : MEDIA) {
            assertThat(mediaRoot.resolve(userId).resolve(media)).hasSize(1024 * 1024);
        }
        String imported = cards.getFirst().path("id").asText();
        var history = api.get("/api/cards/" + imported + "/history", user.accessToken()).body();
        assertThat(history.get(0).path("actor").asText()).as("who imported it").isEqualTo(userId);

        var list = api.get("/api/sync/import/jobs?page=1&size=10", user.accessToken()).body();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(jobId);
        assertThat(list.path("items").get(0).path("result").path("imported_count").asInt()).isEqualTo(NOTES);
        assertThat(list.path("items").get(0).path("result").path("skipped").isNull()).as("lists leave the notes out").isTrue();
        try (Stream<Path> kept = Files.list(uploadFolder)) {
            assertThat(kept.map(path -> path.getFileName().toString())).doesNotContain(jobId + ".apkg");
        }
    }

    @Test
    void onlyItsOwnerSeesAJob() throws IOException {
        String jobId = importing(user, bigPackage(null), Map.of()).body().path("job_id").asText();
        Session stranger = accounts.register();

        var other = api.get("/api/sync/import/jobs/" + jobId, stranger.accessToken());

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().path("code").asText()).isEqualTo("REQ_004");
        assertThat(api.get("/api/sync/import/jobs", stranger.accessToken()).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/sync/import/jobs/" + UUID.randomUUID(), user.accessToken()).status()).isEqualTo(404);
        awaitJob(user, jobId, j -> j.path("status").asText().equals("completed"));
    }

    @Test
    void aLargeFileThatIsNoPackageIsRefusedAtOnceAndQueuesNothing() {
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(noise);

        var refused = api.upload("/api/sync/import", user.accessToken(), "noise.apkg", noise, Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("SYNC_002");
        assertThat(refused.body().path("detail").asText()).contains("not a zip");
        assertThat(api.get("/api/sync/import/jobs", user.accessToken()).body().path("total").asLong()).isZero();
    }

    /**
     * A trigger makes PostgreSQL refuse the event of one card in the middle of the unit, after the decks, the
     * template and the cards before it went in, and after the media files were stored.
     */
    @Test
    void aFailureMidwayLeavesNoDeckTemplateCardOrMediaFileAndTheRetryImportsEverythingOnce() throws IOException {
        String marker = "boom" + UUID.randomUUID().toString().replace("-", "");
        String trigger = "fail_" + marker;
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger AS $$ BEGIN"
                + " IF position(convert_to('" + marker + "', 'UTF8') IN NEW.payload) > 0"
                + " THEN RAISE EXCEPTION 'forced failure for ImportJobIT'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON domainevententry FOR EACH ROW EXECUTE FUNCTION " + trigger + "()");
        String jobId;
        try {
            jobId = importing(user, bigPackage(marker), Map.of()).body().path("job_id").asText();

            JsonNode waiting = awaitJob(user, jobId, j -> j.path("attempts").asInt() >= 1 && j.path("error").has("code"));
            assertThat(waiting.path("status").asText()).isIn("pending", "running");
            assertThat(waiting.path("error").path("code").asText()).isEqualTo("SYS_001");
            assertThat(waiting.path("error").path("detail").asText()).contains("nothing of it was kept");
            assertThat(waiting.path("result").isNull()).isTrue();

            assertThat(api.get("/api/decks/tree", user.accessToken()).body()).isEmpty();
            assertThat(api.get("/api/templates?size=100", user.accessToken()).body().path("items"))
                    .allSatisfy(template -> assertThat(template.path("name").asText()).isNotEqualTo("Vocabulary"));
            assertThat(allCards(user)).isEmpty();
            for (String media : MEDIA) {
                assertThat(mediaRoot.resolve(userId).resolve(media)).doesNotExist();
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE position(convert_to(?, 'UTF8') IN metadata) > 0",
                    Long.class, userId)).as("no event of this user was stored").isZero();
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger + " ON domainevententry");
            jdbc.execute("DROP FUNCTION " + trigger + "()");
        }

        JsonNode done = awaitJob(user, jobId, j -> j.path("status").asText().equals("completed"));
        assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(done.path("result").path("imported_count").asInt()).isEqualTo(NOTES);
        assertThat(done.path("error").isNull()).isTrue();
        assertThat(allCards(user)).hasSize(NOTES);
        assertThat(api.get("/api/decks/tree", user.accessToken()).body()).hasSize(1);
        for (String media : MEDIA) {
            assertThat(mediaRoot.resolve(userId).resolve(media)).exists();
        }
    }

    /** What a worker leaves when its instance dies mid-import: a running job under a lease that has run out. */
    @Test
    void theJobOfAWorkerThatDiedIsTakenUpAgainByAnother() throws IOException {
        UUID jobId = UUID.randomUUID();
        Path packageFile = bigPackage(null);
        Files.createDirectories(uploadFolder);
        Files.copy(packageFile, uploadFolder.resolve(jobId + ".apkg"));
        jdbc.update("""
                INSERT INTO import_jobs (id, owner_id, file_name, file_size, create_deck, overwrite, status, phase,
                                         notes_done, notes_total, attempts, worker, lease_until, created_at, started_at, updated_at)
                VALUES (?, ?::uuid, 'big.apkg', ?, true, false, 'running', 'cards', 120, ?, 1, 'gone-instance#0',
                        now() - interval '1 second', now(), now(), now())
                """, jobId, userId, Files.size(packageFile), NOTES);

        JsonNode done = awaitJob(user, jobId.toString(), j -> j.path("status").asText().equals("completed"));

        assertThat(done.path("attempts").asInt()).isEqualTo(2);
        assertThat(done.path("result").path("imported_count").asInt()).isEqualTo(NOTES);
        assertThat(allCards(user)).hasSize(NOTES);
    }

    /** ... and when it dies after its unit committed: the report is there, the import is not run again. */
    @Test
    void aJobWhoseImportCommittedBeforeItsWorkerDiedIsOnlyMarkedCompleted() {
        UUID jobId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO import_jobs (id, owner_id, file_name, file_size, create_deck, overwrite, status, phase,
                                         attempts, worker, lease_until, report, created_at, started_at, updated_at)
                VALUES (?, ?::uuid, 'big.apkg', 1, true, false, 'running', 'saving', 1, 'gone-instance#0',
                        now() - interval '1 second', CAST(? AS jsonb), now(), now(), now())
                """, jobId, userId, """
                {"imported": 7, "updated": 0, "createdDecks": 1, "createdTemplates": 0, "media": 0,
                 "skipped": [{"noteId": 5, "reason": "Anki note 5 is already card x"}], "failed": []}
                """);

        JsonNode done = awaitJob(user, jobId.toString(), j -> j.path("status").asText().equals("completed"));

        assertThat(done.path("attempts").asInt()).isEqualTo(2);
        assertThat(done.path("result").path("imported_count").asInt()).isEqualTo(7);
        assertThat(done.path("result").path("skipped").get(0).path("note_id").asLong()).isEqualTo(5);
        assertThat(allCards(user)).as("nothing imported a second time").isEmpty();
    }

    ApiClient.Response importing(Session session, Path apkg, Map<String, ?> parts) throws IOException {
        return api.upload("/api/sync/import", session.accessToken(), "big.apkg", Files.readAllBytes(apkg), parts);
    }

    JsonNode awaitJob(Session session, String jobId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode job;
        do {
            var response = api.get("/api/sync/import/jobs/" + jobId, session.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            job = response.body();
            if (until.test(job)) {
                return job;
            }
            assertThat(job.path("status").asText()).as(job.toString()).isNotEqualTo("failed");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import job " + jobId + " did not get there in time: " + job);
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

    /**
     * Nested decks, the system Basic and an own note type, {@value #NOTES} notes, three incompressible 1 MB images;
     * with {@code marker}, the middle note carries it.
     */
    Path bigPackage(String marker) throws IOException {
        Random random = new Random(11);
        AnkiNoteType basic = new AnkiNoteType(1_000, "Basic", AnkiNoteType.Kind.STANDARD, List.of("Front", "Back"),
                List.of(new AnkiCardTemplate("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")), "");
        AnkiNoteType vocabulary = new AnkiNoteType(1_001, "Vocabulary", AnkiNoteType.Kind.STANDARD, List.of("Word", "Meaning"),
                List.of(new AnkiCardTemplate("Recognise", "{{Word}}", "{{Meaning}}")), "");
        List<AnkiNote> notes = new ArrayList<>();
        List<AnkiCard> cards = new ArrayList<>();
        for (int n = 0; n < NOTES; n++) {
            long id = 1_600_000_000_000L + n;
            long deck = n % 2 == 0 ? 11 : 12;
            String front = n == NOTES / 2 && marker != null ? "the note " + marker : "question " + n;
            String image = n < MEDIA.length ? "<img src=\"" + MEDIA[n] + "\">" : "";
            AnkiNoteType type = n % 3 == 0 ? vocabulary : basic;
            notes.add(new AnkiNote(id, "g" + id, type.ankiId(), List.of(front, "answer " + n + image), List.of("t" + n % 4),
                    Instant.parse("2025-01-01T00:00:00Z")));
            cards.add(new AnkiCard(id * 10, id, deck, 0));
        }
        List<AnkiMedia> media = new ArrayList<>();
        for (String name : MEDIA) {
            byte[] bytes = new byte[1024 * 1024];
            random.nextBytes(bytes);
            media.add(new AnkiMedia(name, bytes.length, () -> new ByteArrayInputStream(bytes)));
        }
        Path file = Files.createTempFile("import-job-it-", ".apkg");
        file.toFile().deleteOnExit();
        writer.write(new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI2,
                List.of(new AnkiDeck(1, List.of("Default")), new AnkiDeck(11, List.of("Big", "Odd")),
                        new AnkiDeck(12, List.of("Big", "Even"))),
                List.of(basic, vocabulary), notes, cards, media), file);
        return file;
    }
}
