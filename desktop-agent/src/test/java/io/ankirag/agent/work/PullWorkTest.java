package io.ankirag.agent.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.agent.loop.AgentLoop;
import io.ankirag.agent.loop.AgentStatus.LastSync;
import io.ankirag.agent.loop.StatusBoard;
import io.ankirag.agent.server.FakeAnkiRagServer;
import io.ankirag.agent.server.InMemoryTokenStore;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pull claimed by the work loop, read by the real {@link AnkiConnectSyncWorkRunner} (the server's
 * {@code PullReader}) from a scripted Anki and uploaded in batches to a fake server over real HTTP.
 */
class PullWorkTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StatusBoard board = new StatusBoard();
    private final ReadOnlyAnki anki = new ReadOnlyAnki();
    private final List<JsonNode> uploads = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> resultPosts = new CopyOnWriteArrayList<>();
    private FakeAnkiRagServer server;
    private ServerSession session;
    private volatile ObjectNode pending;

    @BeforeEach
    void start() throws IOException {
        server = new FakeAnkiRagServer("me@example.com", "secret-password");
        server.route("POST /api/sync/agent/claim", request -> {
            ObjectNode work = pending;
            pending = null;
            return work == null ? (Object) 204 : work;
        });
        server.route("POST /api/sync/agent/tasks/([^/]+)/pulled", request -> {
            uploads.add(request.body());
            ObjectNode answer = JSON.objectNode();
            answer.putArray("results");
            request.body().path("notes").forEach(note -> {
                ObjectNode result = answer.withArray("results").addObject()
                        .put("anki_note_id", note.path("note_id").asLong());
                if (note.path("fields").path("Front").asText().startsWith("broken")) {
                    result.putNull("card_id").put("outcome", "failed").put("error", "no template for it");
                } else {
                    result.put("card_id", UUID.randomUUID().toString()).put("outcome", "created");
                }
            });
            return answer;
        });
        server.route("POST /api/sync/agent/tasks/([^/]+)/results", request -> {
            resultPosts.add(request.groups().getFirst());
            return 204;
        });
        server.route("POST /api/sync/agent/tasks/([^/]+)/finish", request -> {
            finished.add(request.groups().getFirst() + ": " + request.body().path("error_code").asText("completed"));
            return 204;
        });
        session = new ServerSession(server.url(), new InMemoryTokenStore(), HttpClient.newHttpClient(),
                Duration.ofSeconds(5), clock);
        session.logIn("me@example.com", "secret-password".toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentLoop loop(int batchSize) {
        SyncWorkSource source = new ServerSyncWorkSource(session);
        return new AgentLoop(source, new AnkiConnectSyncWorkRunner(anki, source, batchSize, clock), () -> 6, board,
                Duration.ofMinutes(1), clock, message -> { });
    }

    private String queuePull(String deck, String since) {
        String id = UUID.randomUUID().toString();
        ObjectNode work = JSON.objectNode().put("task_id", id).put("attempt", 1).put("kind", "pull");
        work.putArray("decks");
        work.putArray("note_types");
        work.putArray("media");
        work.putArray("notes");
        ObjectNode pull = work.putObject("pull");
        if (deck == null) {
            pull.putNull("deck");
        } else {
            pull.put("deck", deck);
        }
        if (since == null) {
            pull.putNull("since");
        } else {
            pull.put("since", since);
        }
        pending = work;
        return id;
    }

    @Test
    void readsThePullsNotesAndUploadsThemInBatchesWithTheirNoteTypesAndMedia() {
        anki.add(1, "Biology::Cells", "<img src=\"cell.png\"> Mitochondria");
        anki.add(2, "Biology::Cells", "Ribosome");
        anki.add(3, "Biology", "broken note");
        anki.media.put("cell.png", new byte[] {1, 2, 3});
        String task = queuePull("Biology", null);

        assertThat(loop(2).runOnce()).isTrue();

        assertThat(anki.queries).containsExactly("\"deck:Biology\"");
        assertThat(uploads).hasSize(2);
        assertThat(uploads).allSatisfy(upload -> assertThat(upload.path("total").asInt()).isEqualTo(3));
        JsonNode first = uploads.getFirst();
        assertThat(first.path("notes")).hasSize(2);
        assertThat(first.path("notes").get(0).path("modified").asText()).isEqualTo(NOW.minusSeconds(60).toString());
        assertThat(first.path("notes").get(0).path("card_ids").get(0).asLong()).isEqualTo(10L);
        assertThat(first.path("decks").path("Biology::Cells").asLong()).isEqualTo(11L);
        assertThat(first.path("note_types").get(0).path("name").asText()).isEqualTo("Basic");
        assertThat(first.path("note_types").get(0).path("id").asLong()).isEqualTo(7L);
        assertThat(first.path("media").get(0).path("name").asText()).isEqualTo("cell.png");
        assertThat(Base64.getDecoder().decode(first.path("media").get(0).path("content").asText()))
                .containsExactly(1, 2, 3);
        assertThat(uploads.get(1).path("notes")).hasSize(1);
        assertThat(uploads.get(1).path("media")).isEmpty();
        assertThat(resultPosts).as("a pull's results are the server's, never reported back").isEmpty();
        assertThat(finished).containsExactly(task + ": completed");
        LastSync sync = board.current().lastSync();
        assertThat(sync.summary()).isEqualTo("pull " + task + ": 2 pulled, 1 failed");
        assertThat(sync.failures()).containsExactly("Anki note 3: no template for it");
    }

    @Test
    void aPullSinceTheLastOneKeepsOnlyNotesChangedSinceAndAnEmptyOneCompletesAtOnce() {
        anki.add(1, "Biology", "changed before the last pull");
        String task = queuePull("Biology", NOW.minusSeconds(30).toString());

        loop(2).runOnce();

        assertThat(anki.queries).containsExactly("\"deck:Biology\" edited:1");
        assertThat(uploads).singleElement().satisfies(upload -> {
            assertThat(upload.path("total").asInt()).isZero();
            assertThat(upload.path("notes")).isEmpty();
        });
        assertThat(finished).containsExactly(task + ": completed");
        assertThat(board.current().lastSync().summary()).isEqualTo("pull " + task + ": 0 pulled, 0 failed");
    }

    @Test
    void ankiGoingAwayHandsThePullBackForTheServersRetry() {
        anki.refuse = new DomainException(ErrorCode.SYNC_001, "AnkiConnect does not answer");
        String task = queuePull(null, null);

        loop(2).runOnce();

        assertThat(uploads).isEmpty();
        assertThat(finished).containsExactly(task + ": SYNC_001");
    }

    /** An Anki with notes to read (modified a minute ago), refusing every write. */
    private static final class ReadOnlyAnki implements AnkiConnectPort {

        @Override
        public int version() {
            return 6;
        }

        @Override
        public java.net.URI url() {
            return java.net.URI.create("http://127.0.0.1:8765");
        }

        static final NoteTypeSpec BASIC = new NoteTypeSpec("Basic", false, List.of("Front", "Back"),
                List.of(new CardTypeSpec("Card 1", "{{Front}}", "{{Back}}")), "");

        final List<NoteInfo> notes = new ArrayList<>();
        final Map<String, byte[]> media = new LinkedHashMap<>();
        final List<String> queries = new CopyOnWriteArrayList<>();
        volatile DomainException refuse;

        void add(long id, String deck, String front) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Front", front);
            fields.put("Back", "back");
            notes.add(new NoteInfo(id, "Basic", deck, fields, List.of(), NOW.minusSeconds(60), List.of(id * 10)));
        }

        @Override
        public void connect() {
            if (refuse != null) {
                throw refuse;
            }
        }

        @Override
        public Set<String> deckNames() {
            return deckIds().keySet();
        }

        @Override
        public Map<String, Long> deckIds() {
            return Map.of("Biology", 10L, "Biology::Cells", 11L);
        }

        @Override
        public void createDecks(List<String> deckPaths) {
            throw new AssertionError("read only");
        }

        @Override
        public Set<String> noteTypeNames() {
            return Set.of("Basic");
        }

        @Override
        public Map<String, Long> noteTypeIds() {
            return Map.of("Basic", 7L);
        }

        @Override
        public NoteTypeSpec noteType(String name) {
            return BASIC;
        }

        @Override
        public List<String> fieldNamesOf(String noteType) {
            return BASIC.fields();
        }

        @Override
        public void createNoteType(NoteTypeSpec noteType) {
            throw new AssertionError("read only");
        }

        @Override
        public List<NoteOutcome> addNotes(List<NewNote> notes) {
            throw new AssertionError("read only");
        }

        @Override
        public List<NoteOutcome> updateNotes(List<NoteUpdate> updates) {
            throw new AssertionError("read only");
        }

        @Override
        public void storeMedia(List<MediaFile> files) {
            throw new AssertionError("read only");
        }

        @Override
        public List<Long> findNotes(String query) {
            queries.add(query);
            return notes.stream().map(NoteInfo::noteId).toList();
        }

        @Override
        public List<NoteInfo> notesInfo(List<Long> noteIds) {
            return notes.stream().filter(note -> noteIds.contains(note.noteId())).toList();
        }

        @Override
        public byte[] retrieveMedia(String name) {
            return media.get(name);
        }

        @Override
        public long roundTrips() {
            return 0;
        }
    }
}
