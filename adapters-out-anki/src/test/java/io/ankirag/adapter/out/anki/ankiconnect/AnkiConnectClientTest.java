package io.ankirag.adapter.out.anki.ankiconnect;

import static io.ankirag.adapter.out.anki.ankiconnect.ScriptableAnkiConnect.NODES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ankirag.adapter.out.anki.ankiconnect.ScriptableAnkiConnect.Refusal;
import io.ankirag.application.port.out.anki.AnkiConnectPort.Done;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NewNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteOutcome;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteUpdate;
import io.ankirag.application.port.out.anki.AnkiConnectPort.Refused;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnkiConnectClientTest {

    private final ScriptableAnkiConnect anki = new ScriptableAnkiConnect();

    @AfterEach
    void stop() {
        anki.close();
    }

    private AnkiConnectClient client(String key) {
        return new AnkiConnectClient(anki.url(), key, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, 10);
    }

    @Test
    void refusedConnectionIsSync001() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var client = new AnkiConnectClient(URI.create("http://127.0.0.1:" + closedPort), null, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertCode(client::connect, ErrorCode.SYNC_001, "not reachable");
    }

    @Test
    void anAnswerThatTakesTooLongIsSync001() {
        anki.stallMillis = 1_500;
        var client = new AnkiConnectClient(anki.url(), null, Duration.ofSeconds(1), Duration.ofMillis(300));
        assertCode(client::connect, ErrorCode.SYNC_001, "did not answer");
    }

    @Test
    void versionAnswersTheAddOnsProtocolVersionEvenWhenItIsTooOldToSync() {
        anki.on("version", params -> NODES.numberNode(5));
        assertThat(client(null).version()).isEqualTo(5);
    }

    @Test
    void anOldAddOnVersionIsSync003() {
        anki.on("version", params -> NODES.numberNode(5));
        assertCode(client(null)::connect, ErrorCode.SYNC_003, "version 6");
    }

    @Test
    void anAddOnAnsweringWithoutTheVersion6EnvelopeIsSync003() {
        anki.rawBody = "4";
        assertCode(client(null)::connect, ErrorCode.SYNC_003, "protocol version 6");
    }

    @Test
    void refusedPermissionIsSync004() {
        anki.on("requestPermission", params -> NODES.objectNode().put("permission", "denied"));
        assertCode(client(null)::connect, ErrorCode.SYNC_004, "refused");
    }

    @Test
    void aRequiredKeyIsNoticedUnderEitherSpelling() {
        anki.on("requestPermission", params -> NODES.objectNode().put("permission", "granted").put("requireApikey", true));
        assertCode(client(null)::connect, ErrorCode.SYNC_004, "ANKI_CONNECT_KEY");
        anki.on("requestPermission", params -> NODES.objectNode().put("permission", "granted").put("requireApiKey", true));
        assertCode(client(null)::connect, ErrorCode.SYNC_004, "ANKI_CONNECT_KEY");
        client("secret").connect();
    }

    @Test
    void aWrongKeyIsSync004() {
        anki.on("deckNames", params -> {
            throw new Refusal("valid api key must be provided");
        });
        assertCode(client("wrong")::deckNames, ErrorCode.SYNC_004, "ANKI_CONNECT_KEY");
    }

    @Test
    void everyActionInsideMultiCarriesTheKey() {
        anki.on("createDeck", params -> NODES.numberNode(1));
        client("secret").createDecks(List.of("A", "A::B"));
        JsonNode multi = anki.requestsFor("multi").getFirst();
        assertThat(multi.path("key").asText()).isEqualTo("secret");
        assertThat(multi.path("params").path("actions")).allSatisfy(inner -> {
            assertThat(inner.path("key").asText()).isEqualTo("secret");
            assertThat(inner.path("version").asInt()).isEqualTo(6);
        });
    }

    @Test
    void notesAnkiRefusesFailAloneAndNoneIsSentToAddNotes() {
        AtomicLong ids = new AtomicLong(100);
        anki.on("canAddNotesWithErrorDetail", params -> {
            ArrayNode checks = NODES.arrayNode();
            params.path("notes").forEach(note -> checks.add(note.path("fields").path("Front").asText().equals("dup")
                    ? NODES.objectNode().put("canAdd", false).put("error", "cannot create note because it is a duplicate")
                    : NODES.objectNode().put("canAdd", true)));
            return checks;
        });
        anki.on("addNote", params -> {
            if (params.path("note").path("fields").path("Front").asText().equals("breaks")) {
                throw new Refusal("deck was not found: X");
            }
            return NODES.numberNode(ids.incrementAndGet());
        });
        List<NewNote> notes = new ArrayList<>();
        for (String front : List.of("a", "dup", "b", "breaks", "c")) {
            notes.add(new NewNote("Deck", "Basic", fields(front, "back"), List.of("t")));
        }

        List<NoteOutcome> outcomes = client(null).addNotes(notes);

        assertThat(outcomes).containsExactly(new Done(101), new Refused("cannot create note because it is a duplicate"),
                new Done(102), new Refused("deck was not found: X"), new Done(103));
        assertThat(anki.requestsFor("addNotes")).isEmpty();
        // batches of 3: a check and a multi each
        assertThat(anki.requestsFor("canAddNotesWithErrorDetail")).hasSize(2);
        assertThat(anki.requestsFor("multi")).hasSize(2);
    }

    @Test
    void anUpdateAnkiIgnoredBecauseTheNoteIsOpenInItsBrowserFails() {
        anki.on("updateNoteFields", params -> NODES.nullNode());
        anki.on("notesInfo", params -> {
            ArrayNode notes = NODES.arrayNode();
            params.path("notes").forEach(id -> {
                var note = notes.addObject().put("noteId", id.asLong()).put("modelName", "Basic").put("mod", 1);
                var fields = note.putObject("fields");
                // note 2 kept its old front
                fields.putObject("Front").put("value", id.asLong() == 2 ? "old" : "new").put("order", 0);
                fields.putObject("Back").put("value", "back").put("order", 1);
                note.putArray("tags");
                note.putArray("cards");
            });
            return notes;
        });
        List<NoteOutcome> outcomes = client(null).updateNotes(List.of(new NoteUpdate(1, fields("new", "back"), null),
                new NoteUpdate(2, fields("new", "back"), null)));
        assertThat(outcomes.get(0)).isEqualTo(new Done(1));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("open in its browser"));
    }

    @Test
    void mediaGoesInBatchesBoundedBySize() {
        List<String> stored = new ArrayList<>();
        anki.on("storeMediaFile", params -> {
            stored.add(params.path("filename").asText());
            return NODES.textNode(params.path("filename").asText());
        });
        client(null).storeMedia(List.of(new MediaFile("a.png", new byte[6]), new MediaFile("b.png", new byte[6]),
                new MediaFile("c.png", new byte[3])));
        assertThat(stored).containsExactly("a.png", "b.png", "c.png");
        assertThat(anki.requestsFor("multi")).hasSize(2);
    }

    private static Map<String, String> fields(String front, String back) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Front", front);
        fields.put("Back", back);
        return fields;
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).contains(detail);
        });
    }
}
