package io.ankirag.adapter.out.anki.ankiconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An AnkiConnect (protocol version 6) client over {@code java.net.http}: a plain class, usable without Spring (the
 * desktop agent builds one from its own settings).
 *
 * <p>What it works around: a partly failing {@code addNotes} answers {@code null} entries on old add-ons and, on
 * new ones, fails as a whole after deleting the notes it had added, so notes are checked with
 * {@code canAddNotesWithErrorDetail} and then added by single {@code addNote} actions inside one {@code multi}, where
 * each fails alone; every action inside {@code multi} carries the key; {@code requestPermission} has spelled
 * {@code requireApiKey} both ways; {@code updateNoteFields} does nothing to a note open in Anki's browser, so updates
 * are read back with {@code notesInfo}. Use {@code 127.0.0.1}: AnkiConnect listens on IPv4 only, and
 * {@code localhost} may resolve to {@code ::1}.
 */
public final class AnkiConnectClient implements AnkiConnectPort {

    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8765");
    /** The protocol version spoken here; {@code canAddNotesWithErrorDetail} and {@code notesInfo}'s mod need it. */
    static final int VERSION = 6;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String key;
    private final Duration requestTimeout;
    private final int batchSize;
    private final long mediaBatchBytes;
    private final HttpClient http;
    private final AtomicLong roundTrips = new AtomicLong();

    /**
     * @param key             the API key AnkiConnect is set up with, or {@code null} for none
     * @param connectTimeout  how long to wait for the connection: Anki closed answers at once, a firewall does not
     * @param requestTimeout  how long one request may take, a whole {@code multi} batch included
     */
    public AnkiConnectClient(URI url, String key, Duration connectTimeout, Duration requestTimeout) {
        this(url, key, connectTimeout, requestTimeout, 500, 16L << 20);
    }

    /**
     * @param batchSize       notes per {@code multi} request
     * @param mediaBatchBytes media bytes (before base64) per {@code multi} request; a larger file goes alone
     */
    public AnkiConnectClient(URI url, String key, Duration connectTimeout, Duration requestTimeout, int batchSize,
                             long mediaBatchBytes) {
        this.url = Objects.requireNonNull(url, "url");
        this.key = key == null || key.isBlank() ? null : key;
        this.requestTimeout = requestTimeout;
        this.batchSize = Math.max(1, batchSize);
        this.mediaBatchBytes = Math.max(1, mediaBatchBytes);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public int version() {
        JsonNode version = call("version", null);
        if (!version.canConvertToInt()) {
            throw new DomainException(ErrorCode.SYNC_003, "AnkiConnect at " + url + " answered version " + version.asText());
        }
        return version.asInt();
    }

    @Override
    public long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public void connect() {
        JsonNode version = call("version", null);
        if (!version.canConvertToInt() || version.asInt() < VERSION) {
            throw new DomainException(ErrorCode.SYNC_003, "AnkiConnect at " + url + " speaks version " + version.asText()
                    + "; version " + VERSION + " or later is needed. Update the add-on (code 2055492159) in Anki:"
                    + " Tools → Add-ons → Check for Updates");
        }
        // requestPermission never needs the key; it says whether the other actions do.
        JsonNode permission = call("requestPermission", null);
        if (!"granted".equals(permission.path("permission").asText())) {
            throw new DomainException(ErrorCode.SYNC_004, "Anki refused AnkiRAG access to AnkiConnect at " + url
                    + ": allow it in the dialog Anki shows, or add this server to the add-on's webCorsOriginList");
        }
        boolean keyRequired = permission.path("requireApiKey").asBoolean(false) || permission.path("requireApikey").asBoolean(false);
        if (keyRequired && key == null) {
            throw new DomainException(ErrorCode.SYNC_004, "AnkiConnect at " + url
                    + " requires an API key: set ANKI_CONNECT_KEY to the add-on's apiKey");
        }
    }

    @Override
    public Set<String> deckNames() {
        return strings(call("deckNames", null));
    }

    @Override
    public Map<String, Long> deckIds() {
        return ids(call("deckNamesAndIds", null));
    }

    @Override
    public Map<String, Long> noteTypeIds() {
        return ids(call("modelNamesAndIds", null));
    }

    @Override
    public NoteTypeSpec noteType(String name) {
        List<Answer> answers = multi(List.of(action("modelFieldNames", params().put("modelName", name)),
                action("modelTemplates", params().put("modelName", name)),
                action("modelStyling", params().put("modelName", name))));
        List<String> fields = List.copyOf(strings(answers.get(0).orThrow()));
        List<CardTypeSpec> types = new ArrayList<>();
        answers.get(1).orThrow().properties().forEach(type -> types.add(new CardTypeSpec(type.getKey(),
                type.getValue().path("Front").asText(""), type.getValue().path("Back").asText(""))));
        String css = answers.get(2).orThrow().path("css").asText("");
        boolean cloze = types.size() == 1 && types.getFirst().front().contains("{{cloze:");
        return new NoteTypeSpec(name, cloze, fields, types, css);
    }

    private static Map<String, Long> ids(JsonNode byName) {
        Map<String, Long> ids = new LinkedHashMap<>();
        byName.properties().forEach(entry -> ids.put(entry.getKey(), entry.getValue().asLong()));
        return ids;
    }

    @Override
    public void createDecks(List<String> deckPaths) {
        if (deckPaths.isEmpty()) {
            return;
        }
        List<ObjectNode> actions = deckPaths.stream().map(path -> action("createDeck", params().put("deck", path))).toList();
        for (Answer answer : multi(actions)) {
            answer.orThrow();
        }
    }

    @Override
    public Set<String> noteTypeNames() {
        return strings(call("modelNames", null));
    }

    @Override
    public List<String> fieldNamesOf(String noteType) {
        return List.copyOf(strings(call("modelFieldNames", params().put("modelName", noteType))));
    }

    @Override
    public void createNoteType(NoteTypeSpec noteType) {
        ObjectNode params = params().put("modelName", noteType.name()).put("css", noteType.css() == null ? "" : noteType.css())
                .put("isCloze", noteType.cloze());
        ArrayNode fields = params.putArray("inOrderFields");
        noteType.fields().forEach(fields::add);
        ArrayNode templates = params.putArray("cardTemplates");
        for (CardTypeSpec type : noteType.cardTypes()) {
            templates.addObject().put("Name", type.name()).put("Front", type.front()).put("Back", type.back());
        }
        call("createModel", params);
    }

    @Override
    public List<NoteOutcome> addNotes(List<NewNote> notes) {
        List<NoteOutcome> outcomes = new ArrayList<>(notes.size());
        for (List<NewNote> batch : batches(notes, batchSize)) {
            outcomes.addAll(addBatch(batch));
        }
        return outcomes;
    }

    private List<NoteOutcome> addBatch(List<NewNote> batch) {
        ArrayNode notes = NODES.arrayNode();
        batch.forEach(note -> notes.add(note(note)));
        JsonNode checks = call("canAddNotesWithErrorDetail", params().set("notes", notes));
        NoteOutcome[] outcomes = new NoteOutcome[batch.size()];
        List<Integer> addable = new ArrayList<>();
        List<ObjectNode> actions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode check = checks.path(i);
            if (check.path("canAdd").asBoolean(false)) {
                addable.add(i);
                actions.add(action("addNote", params().set("note", notes.get(i))));
            } else {
                outcomes[i] = new Refused(check.path("error").asText("Anki cannot add this note"));
            }
        }
        List<Answer> answers = multi(actions);
        for (int j = 0; j < addable.size(); j++) {
            Answer answer = answers.get(j);
            outcomes[addable.get(j)] = answer.error() != null || !answer.result().canConvertToLong()
                    ? new Refused(answer.error() != null ? answer.error() : "Anki added no note")
                    : new Done(answer.result().asLong());
        }
        return List.of(outcomes);
    }

    @Override
    public List<NoteOutcome> updateNotes(List<NoteUpdate> updates) {
        List<NoteOutcome> outcomes = new ArrayList<>(updates.size());
        for (List<NoteUpdate> batch : batches(updates, batchSize)) {
            outcomes.addAll(updateBatch(batch));
        }
        return outcomes;
    }

    private List<NoteOutcome> updateBatch(List<NoteUpdate> batch) {
        List<ObjectNode> actions = new ArrayList<>();
        for (NoteUpdate update : batch) {
            ObjectNode note = NODES.objectNode().put("id", update.noteId());
            note.set("fields", JSON.valueToTree(update.fields()));
            actions.add(action("updateNoteFields", params().set("note", note)));
            if (update.tags() != null) {
                ArrayNode tags = NODES.arrayNode();
                update.tags().forEach(tags::add);
                actions.add(action("updateNoteTags", params().put("note", update.noteId()).set("tags", tags)));
            }
        }
        List<Answer> answers = multi(actions);
        Map<Long, String> errors = new HashMap<>();
        int a = 0;
        for (NoteUpdate update : batch) {
            int count = update.tags() == null ? 1 : 2;
            for (int k = 0; k < count; k++, a++) {
                if (answers.get(a).error() != null) {
                    errors.putIfAbsent(update.noteId(), answers.get(a).error());
                }
            }
        }
        Map<Long, NoteInfo> stored = new HashMap<>();
        notesInfo(batch.stream().map(NoteUpdate::noteId).filter(id -> !errors.containsKey(id)).toList())
                .forEach(info -> stored.put(info.noteId(), info));
        List<NoteOutcome> outcomes = new ArrayList<>();
        for (NoteUpdate update : batch) {
            String error = errors.get(update.noteId());
            NoteInfo info = stored.get(update.noteId());
            if (error != null) {
                outcomes.add(new Refused(error));
            } else if (info == null) {
                outcomes.add(new Refused("Anki has no note " + update.noteId() + " any more (deleted there?)"));
            } else if (!update.fields().entrySet().stream().allMatch(field -> field.getValue().equals(info.fields().get(field.getKey())))) {
                outcomes.add(new Refused("Anki did not take the update of note " + update.noteId()
                        + ": it ignores updates to a note open in its browser; close the browser and push again"));
            } else {
                outcomes.add(new Done(update.noteId()));
            }
        }
        return outcomes;
    }

    @Override
    public void storeMedia(List<MediaFile> files) {
        List<ObjectNode> actions = new ArrayList<>();
        long bytes = 0;
        for (MediaFile file : files) {
            if (!actions.isEmpty() && bytes + file.content().length > mediaBatchBytes) {
                storeBatch(actions);
                actions = new ArrayList<>();
                bytes = 0;
            }
            actions.add(action("storeMediaFile", params().put("filename", file.name())
                    .put("data", Base64.getEncoder().encodeToString(file.content()))));
            bytes += file.content().length;
        }
        if (!actions.isEmpty()) {
            storeBatch(actions);
        }
    }

    private void storeBatch(List<ObjectNode> actions) {
        for (Answer answer : multi(actions)) {
            answer.orThrow();
        }
    }

    @Override
    public List<Long> findNotes(String query) {
        JsonNode ids = call("findNotes", params().put("query", query));
        List<Long> found = new ArrayList<>(ids.size());
        ids.forEach(id -> found.add(id.asLong()));
        return found;
    }

    @Override
    public List<NoteInfo> notesInfo(List<Long> noteIds) {
        List<NoteInfo> infos = new ArrayList<>(noteIds.size());
        for (List<Long> batch : batches(noteIds, batchSize)) {
            ArrayNode ids = NODES.arrayNode();
            batch.forEach(ids::add);
            JsonNode notes = call("notesInfo", params().set("notes", ids));
            Map<Long, JsonNode> byNote = new LinkedHashMap<>();
            ArrayNode firstCards = NODES.arrayNode();
            for (JsonNode note : notes) {
                // An unknown id answers an empty object.
                if (note.has("noteId")) {
                    byNote.put(note.get("noteId").asLong(), note);
                    if (!note.path("cards").isEmpty()) {
                        firstCards.add(note.path("cards").get(0).asLong());
                    }
                }
            }
            Map<Long, String> deckOfCard = new HashMap<>();
            if (!firstCards.isEmpty()) {
                for (JsonNode card : call("cardsInfo", params().set("cards", firstCards))) {
                    deckOfCard.put(card.path("cardId").asLong(), card.path("deckName").asText(null));
                }
            }
            byNote.values().forEach(note -> infos.add(noteInfo(note, deckOfCard)));
        }
        return infos;
    }

    private static NoteInfo noteInfo(JsonNode note, Map<Long, String> deckOfCard) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        note.path("fields").properties().forEach(entries::add);
        entries.sort((x, y) -> Integer.compare(x.getValue().path("order").asInt(), y.getValue().path("order").asInt()));
        entries.forEach(entry -> fields.put(entry.getKey(), entry.getValue().path("value").asText("")));
        List<String> tags = new ArrayList<>();
        note.path("tags").forEach(tag -> tags.add(tag.asText()));
        List<Long> cards = new ArrayList<>();
        note.path("cards").forEach(card -> cards.add(card.asLong()));
        return new NoteInfo(note.path("noteId").asLong(), note.path("modelName").asText(),
                cards.isEmpty() ? null : deckOfCard.get(cards.getFirst()), fields, tags,
                Instant.ofEpochSecond(note.path("mod").asLong(0)), cards);
    }

    @Override
    public byte[] retrieveMedia(String name) {
        JsonNode data = call("retrieveMediaFile", params().put("filename", name));
        return data.isTextual() ? Base64.getDecoder().decode(data.asText()) : null;
    }

    /** Has Anki sync its collection with AnkiWeb (it must be logged in there). */
    public void syncWithAnkiWeb() {
        call("sync", null);
    }

    /** One action: its result, or the exception its error stands for. */
    JsonNode call(String action, ObjectNode params) {
        return answerOf(send(action(action, params))).orThrow();
    }

    /** Several actions in one request, each answered on its own, in order. */
    List<Answer> multi(List<ObjectNode> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        ArrayNode inner = NODES.arrayNode();
        actions.forEach(inner::add);
        JsonNode results = call("multi", params().set("actions", inner));
        if (!results.isArray() || results.size() != actions.size()) {
            throw new DomainException(ErrorCode.SYNC_005, "AnkiConnect answered " + results.size() + " results to "
                    + actions.size() + " actions in a multi request");
        }
        List<Answer> answers = new ArrayList<>(actions.size());
        // Inner actions of version 6 answer {result, error}; older versions would answer the bare result.
        results.forEach(result -> answers.add(result.isObject() && result.has("error") && result.has("result")
                ? answerOf(result) : new Answer(result, null)));
        return answers;
    }

    private ObjectNode action(String action, ObjectNode params) {
        ObjectNode request = NODES.objectNode().put("action", action).put("version", VERSION);
        if (params != null) {
            request.set("params", params);
        }
        if (key != null) {
            request.put("key", key);
        }
        return request;
    }

    private static ObjectNode params() {
        return NODES.objectNode();
    }

    private ObjectNode note(NewNote note) {
        ObjectNode node = NODES.objectNode().put("deckName", note.deck()).put("modelName", note.noteType());
        node.set("fields", JSON.valueToTree(note.fields()));
        ArrayNode tags = node.putArray("tags");
        note.tags().forEach(tags::add);
        // Anki's own duplicate rule (first field within the note type, across all decks) decides.
        node.putObject("options").put("allowDuplicate", false).put("duplicateScope", "collection");
        return node;
    }

    private JsonNode send(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        roundTrips.incrementAndGet();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException refused) {
            throw new DomainException(ErrorCode.SYNC_001, "AnkiConnect is not reachable at " + url
                    + ": is Anki running, with the AnkiConnect add-on?", refused);
        } catch (HttpTimeoutException slow) {
            throw new DomainException(ErrorCode.SYNC_001, "AnkiConnect at " + url + " did not answer within "
                    + requestTimeout.toSeconds() + " s (is Anki busy or showing a dialog?)", slow);
        } catch (IOException broken) {
            throw new DomainException(ErrorCode.SYNC_001, "the connection to AnkiConnect at " + url + " broke: "
                    + broken.getMessage(), broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SYNC_001, "interrupted while waiting for AnkiConnect", interrupted);
        }
        if (response.statusCode() != 200) {
            throw new DomainException(ErrorCode.SYNC_005, "AnkiConnect at " + url + " answered HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new DomainException(ErrorCode.SYNC_005, "AnkiConnect at " + url + " answered something that is not JSON",
                    notJson);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Answer answerOf(JsonNode response) {
        if (!response.isObject() || !response.has("result") || !response.has("error")) {
            // Versions before 6 answer the bare result, or {error} only.
            throw new DomainException(ErrorCode.SYNC_003, "AnkiConnect at " + url + " does not speak protocol version "
                    + VERSION + ": update the add-on (code 2055492159) in Anki");
        }
        JsonNode error = response.get("error");
        return new Answer(response.get("result"), error.isNull() ? null : error.asText());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    /** What AnkiConnect answered to one action. */
    record Answer(JsonNode result, String error) {

        JsonNode orThrow() {
            if (error == null) {
                return result == null ? NODES.nullNode() : result;
            }
            throw refusal(error);
        }
    }

    /** An action's error as the code it stands for: a wrong key or refused permission, else a refused request. */
    static DomainException refusal(String error) {
        String lower = error.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("api key") || lower.contains("apikey") || lower.contains("permission")) {
            return new DomainException(ErrorCode.SYNC_004, "AnkiConnect refused: " + error
                    + " (check ANKI_CONNECT_KEY against the add-on's apiKey)");
        }
        if (lower.contains("unsupported action")) {
            return new DomainException(ErrorCode.SYNC_003, "AnkiConnect refused: " + error
                    + "; update the add-on (code 2055492159) in Anki");
        }
        return new DomainException(ErrorCode.SYNC_005, "AnkiConnect refused: " + error);
    }
}
