package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.RunSyncOnAgentUseCase;
import io.ankirag.application.port.in.sync.RunSyncOnAgentUseCase.AgentWork;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.application.port.out.anki.AnkiConnectPort.CardTypeSpec;
import io.ankirag.application.port.out.anki.AnkiConnectPort.MediaFile;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteTypeSpec;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desktop agent's endpoints (issue 8), with the same bearer auth as the rest of the API: it claims the caller's
 * pushes and pulls queued with {@code via_agent}; for a push it fetches the media the plan names and reports results
 * batch by batch, for a pull it uploads what it read from Anki batch by batch; then it ends the attempt. A task goes
 * to the agent when the request says {@code via_agent: true}: the server's AnkiConnect ({@code ANKI_CONNECT_URL}) is
 * never tried for it.
 */
@RestController
@RequestMapping("/api/sync/agent")
@Tag(name = "Sync agent")
class AnkiAgentController {

    /** Media bytes one pull upload may carry; the agent sends fewer notes per upload when theirs are bigger. */
    static final long MAX_MEDIA_BYTES_PER_UPLOAD = 64L * 1024 * 1024;

    private final RunSyncOnAgentUseCase agent;

    AnkiAgentController(RunSyncOnAgentUseCase agent) {
        this.agent = agent;
    }

    record CardTypeBody(String name, String front, String back) {
    }

    record NoteTypeBody(String name, boolean cloze, List<String> fields, List<CardTypeBody> cardTypes, String css) {
    }

    record NoteBody(UUID cardId, String deck, String noteType, Map<String, String> fields, List<String> tags,
                    Long ankiNoteId) {
    }

    /**
     * What a pull reads from Anki.
     *
     * @param deck  the deck subtree; absent for all decks
     * @param since only notes modified at or after this instant; absent for all
     */
    record PullBody(String deck, Instant since) {
    }

    /**
     * A claimed task. A push ({@code kind} {@code push}): what to make sure Anki has, then the notes to add or
     * update. A pull ({@code kind} {@code pull}): what to read, in {@code pull}; the lists are then empty.
     */
    record AgentWorkResponse(UUID taskId, int attempt, String kind, List<String> decks, List<NoteTypeBody> noteTypes,
                             List<String> media, List<NoteBody> notes, PullBody pull) {
    }

    record PulledNoteTypeBody(String name, Long id, boolean cloze, List<String> fields, List<CardTypeBody> cardTypes,
                              String css) {
    }

    /** @param modified when the note last changed in Anki */
    record PulledNoteBody(Long noteId, String noteType, String deck, Map<String, String> fields, List<String> tags,
                          Instant modified, List<Long> cardIds) {
    }

    /** @param content base64 */
    record MediaBody(String name, String content) {
    }

    /**
     * A batch of what the agent read for a pull.
     *
     * @param total   the notes the whole pull read
     * @param decks   Anki's id of each deck the notes are in, by path
     * @param media   files the notes reference, which the server may lack
     */
    record PulledRequest(Integer total, Map<String, Long> decks, List<PulledNoteTypeBody> noteTypes,
                         List<PulledNoteBody> notes, List<MediaBody> media) {
    }

    record PulledResultBody(UUID cardId, String outcome, Long ankiNoteId, String error) {
    }

    record PulledResponse(List<PulledResultBody> results) {
    }

    /** @param error why the note failed; absent when it was added or updated as {@code anki_note_id} */
    record NoteResultBody(UUID cardId, Long ankiNoteId, String error) {
    }

    record ResultsRequest(List<NoteResultBody> results) {
    }

    /** @param errorCode absent when the attempt completed; {@code SYNC_001} when the local Anki was unreachable */
    record FinishRequest(String errorCode, String errorDetail) {
    }

    @PostMapping("/claim")
    @Operation(summary = "Claim the caller's oldest waiting agent push, with its plan; 204 when there is none")
    ResponseEntity<AgentWorkResponse> claim(@AuthenticationPrincipal CurrentUser caller) {
        return agent.claim(caller.id()).map(work -> ResponseEntity.ok(toResponse(work)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/media", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "A media file of the caller's that a plan names")
    byte[] media(@AuthenticationPrincipal CurrentUser caller, @RequestParam String name) {
        return agent.media(caller.id(), name);
    }

    @PostMapping("/tasks/{id}/results")
    @Operation(summary = "Report a batch of results: each card becomes synced with its Anki note id, or sync_failed")
    ResponseEntity<Void> results(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                                 @RequestBody ResultsRequest request) {
        if (request.results() == null) {
            throw new DomainException(ErrorCode.REQ_002, "results is required");
        }
        for (NoteResultBody result : request.results()) {
            if (result.cardId() == null || (result.ankiNoteId() == null) == (result.error() == null)) {
                throw new DomainException(ErrorCode.REQ_002, "each result needs card_id and either anki_note_id or error");
            }
        }
        agent.report(caller.id(), new SyncTaskId(id), request.results().stream()
                .map(r -> new NoteResult(new CardId(r.cardId()), r.ankiNoteId(), r.error())).toList());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tasks/{id}/pulled")
    @Operation(summary = "Upload a batch of what a pull read from Anki; the server applies it as its own pull does")
    PulledResponse pulled(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                          @RequestBody PulledRequest request) {
        if (request.notes() == null || request.total() == null || request.total() < 0) {
            throw new DomainException(ErrorCode.REQ_002, "notes and total are required");
        }
        Map<String, NoteTypeSpec> types = new HashMap<>();
        Map<String, Long> typeIds = new HashMap<>();
        for (PulledNoteTypeBody type : request.noteTypes() == null ? List.<PulledNoteTypeBody>of() : request.noteTypes()) {
            if (type.name() == null || type.fields() == null || type.cardTypes() == null) {
                throw new DomainException(ErrorCode.REQ_002, "each note type needs name, fields and card_types");
            }
            types.put(type.name(), new NoteTypeSpec(type.name(), type.cloze(), type.fields(), type.cardTypes().stream()
                    .map(t -> new CardTypeSpec(t.name(), t.front(), t.back())).toList(), type.css() == null ? "" : type.css()));
            typeIds.put(type.name(), type.id() == null ? 0L : type.id());
        }
        List<NoteInfo> notes = new ArrayList<>();
        for (PulledNoteBody note : request.notes()) {
            if (note.noteId() == null || note.noteType() == null || note.fields() == null || note.modified() == null) {
                throw new DomainException(ErrorCode.REQ_002, "each note needs note_id, note_type, fields and modified");
            }
            notes.add(new NoteInfo(note.noteId(), note.noteType(), note.deck(), new LinkedHashMap<>(note.fields()),
                    note.tags() == null ? List.of() : note.tags(), note.modified(),
                    note.cardIds() == null ? List.of() : note.cardIds()));
        }
        List<MediaFile> media = new ArrayList<>();
        long bytes = 0;
        for (MediaBody file : request.media() == null ? List.<MediaBody>of() : request.media()) {
            if (file.name() == null || file.content() == null) {
                throw new DomainException(ErrorCode.REQ_002, "each media file needs name and content");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.content());
            } catch (IllegalArgumentException notBase64) {
                throw new DomainException(ErrorCode.REQ_002, "media content must be base64");
            }
            bytes += content.length;
            if (bytes > MAX_MEDIA_BYTES_PER_UPLOAD) {
                throw new DomainException(ErrorCode.REQ_002, "an upload carries at most "
                        + MAX_MEDIA_BYTES_PER_UPLOAD / (1024 * 1024) + " MiB of media: send fewer notes at a time");
            }
            media.add(new MediaFile(file.name(), content));
        }
        List<CardResult> results = agent.applyPulled(caller.id(), new SyncTaskId(id), request.total(),
                new PulledNotes(notes, request.decks() == null ? Map.of() : request.decks(), types, typeIds, media));
        return new PulledResponse(results.stream().map(r -> new PulledResultBody(
                r.cardId() == null ? null : r.cardId().value(), r.outcome().name().toLowerCase(), r.ankiNoteId(),
                r.error())).toList());
    }

    @PostMapping("/tasks/{id}/finish")
    @Operation(summary = "End the attempt: completed, deferred for a retry (SYNC_001) or failed (any other code)")
    ResponseEntity<Void> finish(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                                @RequestBody(required = false) FinishRequest request) {
        ErrorCode code = null;
        if (request != null && request.errorCode() != null) {
            try {
                code = ErrorCode.valueOf(request.errorCode());
            } catch (IllegalArgumentException unknown) {
                throw new DomainException(ErrorCode.REQ_002, "error_code is not a known code");
            }
        }
        agent.finish(caller.id(), new SyncTaskId(id), code, request == null ? null : request.errorDetail());
        return ResponseEntity.noContent().build();
    }

    private static AgentWorkResponse toResponse(AgentWork work) {
        if (work.pull() != null) {
            return new AgentWorkResponse(work.taskId().value(), work.attempt(), "pull", List.of(), List.of(), List.of(),
                    List.of(), new PullBody(work.pull().deck(), work.pull().since()));
        }
        PushPlan plan = work.plan();
        return new AgentWorkResponse(work.taskId().value(), work.attempt(), "push", plan.decks(),
                plan.noteTypes().stream().map(type -> new NoteTypeBody(type.name(), type.cloze(), type.fields(),
                        type.cardTypes().stream().map(t -> new CardTypeBody(t.name(), t.front(), t.back())).toList(),
                        type.css())).toList(),
                plan.media(),
                plan.notes().stream().map(note -> new NoteBody(note.cardId().value(), note.deck(), note.noteType(),
                        note.fields(), note.tags(), note.ankiNoteId())).toList(), null);
    }
}
