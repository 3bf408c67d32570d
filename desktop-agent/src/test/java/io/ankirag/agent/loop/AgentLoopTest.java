package io.ankirag.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.agent.loop.AgentStatus.SideState;
import io.ankirag.agent.server.FakeAnkiRagServer;
import io.ankirag.agent.server.InMemoryTokenStore;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.agent.work.AnkiProbe;
import io.ankirag.agent.work.AnkiUnavailableException;
import io.ankirag.agent.work.ServerSyncWorkSource;
import io.ankirag.agent.work.SyncWork;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The work loop against a fake AnkiRAG server over real HTTP (its agent endpoints and auth) and a scripted Anki. */
class AgentLoopTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private final StatusBoard board = new StatusBoard();
    private final ScriptedAnki anki = new ScriptedAnki();
    private final List<String> loginRequests = new CopyOnWriteArrayList<>();
    private FakeAnkiRagServer server;
    private AgentQueue queue;
    private ServerSession session;

    @BeforeEach
    void start() throws IOException {
        server = new FakeAnkiRagServer("me@example.com", "secret-password");
        queue = new AgentQueue(server);
        session = new ServerSession(server.url(), new InMemoryTokenStore(), HttpClient.newHttpClient(),
                Duration.ofSeconds(5), clock);
        session.logIn("me@example.com", "secret-password".toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentLoop loop(Duration interval) {
        SyncWorkSource source = new ServerSyncWorkSource(session);
        anki.server = source;
        return new AgentLoop(source, anki, anki, board, interval, clock, loginRequests::add);
    }

    @Test
    void runsEveryWaitingPushAndReportsItsResultsBatchByBatch() {
        String first = queue.add(note("Mitochondria"), note("Ribosome"), note("Golgi apparatus"));
        String second = queue.add(note("Lysosome"));

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isTrue();
        assertThat(queue.resultPosts).containsExactly(first + ": 2 results", first + ": 1 results", second + ": 1 results");
        assertThat(queue.finished).containsExactly(first + ": completed", second + ": completed");
        assertThat(queue.noteIds.values()).hasSize(4).doesNotHaveDuplicates();
        AgentStatus status = board.current();
        assertThat(status.server()).isEqualTo(new AgentStatus.Side(SideState.CONNECTED, "logged in"));
        assertThat(status.anki()).isEqualTo(new AgentStatus.Side(SideState.CONNECTED, "AnkiConnect version 6"));
        assertThat(status.lastSync().summary()).isEqualTo("push " + second + ": 1 synced, 0 failed");
    }

    @Test
    void notesAnkiRefusesFailAloneAndAreShownByTheirFirstField() {
        String task = queue.add(note("Krebs cycle"), note("duplicate of Photosynthesis"));

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(queue.errors).hasSize(1);
        assertThat(queue.finished).containsExactly(task + ": completed");
        AgentStatus.LastSync sync = board.current().lastSync();
        assertThat(sync.succeeded()).isEqualTo(1);
        assertThat(sync.failed()).isEqualTo(1);
        assertThat(sync.failures()).singleElement().asString()
                .startsWith("\"duplicate of Photosynthesis\" (card ")
                .endsWith(": cannot create note because it is a duplicate");
    }

    @Test
    void fetchesTheMediaThePlanNamesFromTheServer() {
        queue.media.put("heart.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        queue.add(List.of("heart.png", "gone.mp3"), note("<img src=\"heart.png\"> Heart"));

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(anki.storedMedia).containsOnlyKeys("heart.png");
        assertThat(anki.storedMedia.get("heart.png")).containsExactly((byte) 0x89, 'P', 'N', 'G');
    }

    @Test
    void claimsNothingWhileAnkiIsClosedButStillChecksTheLogin() {
        queue.add(note("Mitochondria"));
        anki.open = false;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(server.requests).doesNotContain("POST /api/sync/agent/claim").contains("GET /api/users/me");
        assertThat(board.current().anki().state()).isEqualTo(SideState.UNREACHABLE);
        assertThat(board.current().anki().detail()).contains("is Anki open");
        assertThat(board.current().server().state()).isEqualTo(SideState.CONNECTED);
    }

    @Test
    void ankiGoingAwayDuringAPushHandsItBackForTheServersRetry() {
        String task = queue.add(note("a"), note("b"), note("c"));
        queue.add(note("d"));
        anki.closeAfterBatches = 1;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(queue.resultPosts).containsExactly(task + ": 2 results");
        assertThat(queue.finished).containsExactly(task + ": SYNC_001");
        assertThat(queue.pending).hasSize(1);
        assertThat(board.current().anki().state()).isEqualTo(SideState.UNREACHABLE);
        assertThat(board.current().lastSync().failures().getFirst()).startsWith("Stopped, the server retries later: SYNC_001");
    }

    @Test
    void ankiRefusingAccessFailsThePushWithItsCode() {
        String task = queue.add(note("a"));
        anki.refuseWith = ErrorCode.SYNC_004;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(queue.finished).containsExactly(task + ": SYNC_004");
        assertThat(board.current().anki().state()).isEqualTo(SideState.REFUSED);
    }

    @Test
    void aPushTheAgentCannotCarryOutFailsRatherThanStayingClaimed() {
        String task = queue.add(note("a"));
        anki.crash = true;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(queue.finished).containsExactly(task + ": SYS_001");
        assertThat(queue.finishDetails).singleElement().asString().contains("could not carry out this push");
    }

    @Test
    void aServerThatIsDownIsShownAndTriedAgainLater() {
        session = new ServerSession(URI.create("http://127.0.0.1:1"), new InMemoryTokenStore(), HttpClient.newHttpClient(),
                Duration.ofSeconds(2), clock);
        session.tokenStore().save("rt-something");

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isTrue();
        assertThat(board.current().server().state()).isEqualTo(SideState.UNREACHABLE);
        assertThat(loginRequests).isEmpty();
    }

    @Test
    void aLostLoginStopsTheLoopAndAsksForANewOne() {
        queue.add(note("a"));
        server.revokeAllSessions();

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isFalse();
        assertThat(board.current().server().state()).isEqualTo(SideState.LOGIN_REQUIRED);
        assertThat(loginRequests).singleElement().asString().contains("log in again");
        assertThat(queue.pending).hasSize(1);
    }

    @Test
    void pollsAgainEveryIntervalAndShowsWhen() throws InterruptedException {
        CountDownLatch threeClaims = new CountDownLatch(3);
        queue.onClaim = threeClaims::countDown;
        try (AgentLoop loop = loop(Duration.ofMillis(100))) {
            loop.start();

            assertThat(threeClaims.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(board.current().nextPoll()).isEqualTo(clock.instant().plusMillis(100));
            loop.stop();
            assertThat(board.current().nextPoll()).isNull();
        }
    }

    @Test
    void syncNowDoesNotWaitForTheInterval() throws InterruptedException {
        CountDownLatch twoClaims = new CountDownLatch(2);
        queue.onClaim = twoClaims::countDown;
        try (AgentLoop loop = loop(Duration.ofHours(1))) {
            loop.start();
            Thread.sleep(300);
            loop.pollNow();

            assertThat(twoClaims.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static ObjectNode note(String front) {
        ObjectNode note = JSON.objectNode().put("card_id", UUID.randomUUID().toString()).put("deck", "Biology::Cells")
                .put("note_type", "Basic").putNull("anki_note_id");
        note.putObject("fields").put("Front", front).put("Back", "back of " + front);
        note.putArray("tags").add("biology");
        return note;
    }

    /** The server's agent queue as the fake serves it: claim, media, results, finish. */
    private static final class AgentQueue {
        final Deque<ObjectNode> pending = new ConcurrentLinkedDeque<>();
        final Map<String, byte[]> media = new ConcurrentHashMap<>();
        final List<String> resultPosts = new CopyOnWriteArrayList<>();
        final Map<String, Long> noteIds = new ConcurrentHashMap<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<String> finished = new CopyOnWriteArrayList<>();
        final List<String> finishDetails = new CopyOnWriteArrayList<>();
        volatile Runnable onClaim = () -> { };

        AgentQueue(FakeAnkiRagServer server) {
            server.route("GET /api/users/me", request -> JSON.objectNode().put("email", "me@example.com"));
            server.route("POST /api/sync/agent/claim", request -> {
                onClaim.run();
                ObjectNode work = pending.poll();
                return work == null ? (Object) 204 : work;
            });
            server.route("GET /api/sync/agent/media", request -> {
                byte[] file = media.get(request.query().get("name"));
                return file == null ? (Object) 404 : file;
            });
            server.route("POST /api/sync/agent/tasks/([^/]+)/results", request -> {
                JsonNode results = request.body().path("results");
                resultPosts.add(request.groups().getFirst() + ": " + results.size() + " results");
                results.forEach(result -> {
                    if (result.hasNonNull("anki_note_id")) {
                        noteIds.put(result.path("card_id").asText(), result.path("anki_note_id").asLong());
                    } else {
                        errors.add(result.path("error").asText());
                    }
                });
                return 204;
            });
            server.route("POST /api/sync/agent/tasks/([^/]+)/finish", request -> {
                finished.add(request.groups().getFirst() + ": " + request.body().path("error_code").asText("completed"));
                if (request.body().hasNonNull("error_detail")) {
                    finishDetails.add(request.body().path("error_detail").asText());
                }
                return 204;
            });
        }

        String add(ObjectNode... notes) {
            return add(List.of(), notes);
        }

        String add(List<String> mediaNames, ObjectNode... notes) {
            String id = UUID.randomUUID().toString();
            ObjectNode work = JSON.objectNode().put("task_id", id).put("attempt", 1);
            work.putArray("decks").add("Biology").add("Biology::Cells");
            work.putArray("note_types");
            mediaNames.forEach(work.putArray("media")::add);
            List.of(notes).forEach(work.withArray("notes")::add);
            pending.add(work);
            return id;
        }
    }

    /** Anki as the loop sees it: answers the probe, adds notes two per batch, refuses "duplicate" fronts. */
    private static final class ScriptedAnki implements AnkiProbe, SyncWorkRunner {
        final Map<String, byte[]> storedMedia = new ConcurrentHashMap<>();
        SyncWorkSource server;
        volatile boolean open = true;
        int closeAfterBatches = -1;
        ErrorCode refuseWith;
        boolean crash;
        private long nextNoteId = 1_700_000_000_000L;

        @Override
        public int version() {
            if (!open) {
                throw new AnkiUnavailableException(ErrorCode.SYNC_001,
                        "AnkiConnect does not answer (is Anki open with the AnkiConnect add-on?)", null);
            }
            return 6;
        }

        @Override
        public void run(SyncWork work, Consumer<List<NoteResult>> batches) {
            if (refuseWith != null) {
                throw new AnkiUnavailableException(refuseWith, "AnkiConnect refused access", null);
            }
            if (crash) {
                throw new IllegalStateException("unexpected answer");
            }
            for (String name : work.plan().media()) {
                byte[] file = server.media(name);
                if (file != null) {
                    storedMedia.put(name, file);
                }
            }
            List<PlannedNote> notes = work.plan().notes();
            for (int from = 0, batch = 0; from < notes.size(); from += 2, batch++) {
                if (batch == closeAfterBatches) {
                    throw new AnkiUnavailableException(ErrorCode.SYNC_001, "AnkiConnect stopped answering", null);
                }
                List<NoteResult> results = new ArrayList<>();
                for (PlannedNote note : notes.subList(from, Math.min(notes.size(), from + 2))) {
                    results.add(note.fields().get("Front").startsWith("duplicate")
                            ? new NoteResult(note.cardId(), null, "cannot create note because it is a duplicate")
                            : new NoteResult(note.cardId(), nextNoteId++, null));
                }
                batches.accept(Collections.unmodifiableList(results));
            }
        }
    }

}
