package io.ankirag.agent.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ankirag.agent.server.ServerRequestException;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.application.port.in.sync.PullPlan;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.PushPlan.PlannedNote;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's agent endpoints ({@code /api/sync/agent}, snake_case JSON, the user's bearer token): claim, media,
 * results, pulled, finish. The JSON is mapped here by hand, so that the agent needs no Jackson naming setup.
 */
public final class ServerSyncWorkSource implements SyncWorkSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPORT_TIMEOUT = Duration.ofMinutes(2);

    private final ServerSession session;

    public ServerSyncWorkSource(ServerSession session) {
        this.session = session;
    }

    @Override
    public void checkLogin() {
        session.get("/api/users/me");
    }

    @Override
    public Optional<SyncWork> claim() {
        JsonNode work = session.post("/api/sync/agent/claim", JSON.createObjectNode(), REPORT_TIMEOUT);
        if (work == null || work.isNull() || work.isMissingNode()) {
            return Optional.empty();
        }
        if ("pull".equals(work.path("kind").asText())) {
            JsonNode pull = work.path("pull");
            String deck = pull.path("deck").isTextual() ? pull.path("deck").asText() : null;
            Instant since = pull.path("since").isTextual() ? Instant.parse(pull.path("since").asText()) : null;
            return Optional.of(SyncWork.pull(work.path("task_id").asText(), work.path("attempt").asInt(1),
                    new PullPlan(deck, since)));
        }
        return Optional.of(new SyncWork(work.path("task_id").asText(), work.path("attempt").asInt(1), plan(work)));
    }

    @Override
    public List<NoteResult> uploadPulled(SyncWork work, int total, PulledNotes batch) {
        ObjectNode body = JSON.createObjectNode().put("total", total);
        ObjectNode decks = body.putObject("decks");
        batch.deckIds().forEach(decks::put);
        ArrayNode types = body.putArray("note_types");
        batch.noteTypes().values().forEach(type -> {
            ObjectNode item = types.addObject().put("name", type.name()).put("id", batch.noteTypeIds().getOrDefault(type.name(), 0L))
                    .put("cloze", type.cloze()).put("css", type.css());
            type.fields().forEach(item.putArray("fields")::add);
            ArrayNode cards = item.putArray("card_types");
            type.cardTypes().forEach(card -> cards.addObject().put("name", card.name()).put("front", card.front())
                    .put("back", card.back()));
        });
        ArrayNode notes = body.putArray("notes");
        for (NoteInfo note : batch.notes()) {
            ObjectNode item = notes.addObject().put("note_id", note.noteId()).put("note_type", note.noteType())
                    .put("deck", note.deck()).put("modified", note.modified().toString());
            ObjectNode fields = item.putObject("fields");
            note.fields().forEach(fields::put);
            note.tags().forEach(item.putArray("tags")::add);
            note.cardIds().forEach(item.putArray("card_ids")::add);
        }
        ArrayNode media = body.putArray("media");
        batch.media().forEach(file -> media.addObject().put("name", file.name())
                .put("content", Base64.getEncoder().encodeToString(file.content())));
        JsonNode answer = session.post("/api/sync/agent/tasks/" + work.taskId() + "/pulled", body, REPORT_TIMEOUT);
        List<NoteResult> results = new ArrayList<>();
        for (JsonNode result : answer == null ? JSON.createArrayNode() : answer.path("results")) {
            CardId card = result.path("card_id").isTextual() ? new CardId(UUID.fromString(result.path("card_id").asText())) : null;
            Long noteId = result.path("anki_note_id").isIntegralNumber() ? result.path("anki_note_id").asLong() : null;
            boolean failed = "failed".equals(result.path("outcome").asText());
            results.add(new NoteResult(card, noteId, failed ? result.path("error").asText("failed") : null));
        }
        return results;
    }

    @Override
    public byte[] media(String name) {
        try {
            return session.getBytes("/api/sync/agent/media?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        } catch (ServerRequestException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void report(SyncWork work, List<NoteResult> batch) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (NoteResult result : batch) {
            ObjectNode item = results.addObject().put("card_id", result.cardId().value().toString());
            if (result.succeeded()) {
                item.put("anki_note_id", result.ankiNoteId());
            } else {
                item.put("error", result.error());
            }
        }
        session.post("/api/sync/agent/tasks/" + work.taskId() + "/results", body, REPORT_TIMEOUT);
    }

    @Override
    public void finish(SyncWork work, ErrorCode failure, String detail) {
        ObjectNode body = JSON.createObjectNode();
        if (failure != null) {
            body.put("error_code", failure.name()).put("error_detail", detail);
        }
        session.post("/api/sync/agent/tasks/" + work.taskId() + "/finish", body, REPORT_TIMEOUT);
    }

    private static PushPlan plan(JsonNode work) {
        List<NoteTypeSpec> noteTypes = new ArrayList<>();
        for (JsonNode type : work.path("note_types")) {
            List<CardTypeSpec> cardTypes = new ArrayList<>();
            for (JsonNode card : type.path("card_types")) {
                cardTypes.add(new CardTypeSpec(card.path("name").asText(), card.path("front").asText(),
                        card.path("back").asText()));
            }
            noteTypes.add(new NoteTypeSpec(type.path("name").asText(), type.path("cloze").asBoolean(),
                    strings(type.path("fields")), cardTypes, type.path("css").asText("")));
        }
        List<PlannedNote> notes = new ArrayList<>();
        for (JsonNode note : work.path("notes")) {
            Map<String, String> fields = new LinkedHashMap<>();
            note.path("fields").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
            JsonNode noteId = note.path("anki_note_id");
            notes.add(new PlannedNote(new CardId(UUID.fromString(note.path("card_id").asText())), note.path("deck").asText(),
                    note.path("note_type").asText(), fields, strings(note.path("tags")),
                    noteId.isIntegralNumber() ? noteId.asLong() : null));
        }
        return new PushPlan(strings(work.path("decks")), noteTypes, strings(work.path("media")), notes);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
