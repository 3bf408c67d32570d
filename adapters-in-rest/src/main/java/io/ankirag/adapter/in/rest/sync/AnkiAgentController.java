package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.sync.PushPlan;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.in.sync.RunSyncOnAgentUseCase;
import io.ankirag.application.port.in.sync.RunSyncOnAgentUseCase.AgentWork;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * pushes queued with {@code via_agent}, fetches the media their plan names, reports results batch by batch and
 * ends the attempt. A push goes to the agent when the request says {@code via_agent: true}: the server's
 * AnkiConnect ({@code ANKI_CONNECT_URL}) is never tried for it.
 */
@RestController
@RequestMapping("/api/sync/agent")
@Tag(name = "Sync agent")
class AnkiAgentController {

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

    /** A claimed push: what to make sure Anki has, then the notes to add or update. */
    record AgentWorkResponse(UUID taskId, int attempt, List<String> decks, List<NoteTypeBody> noteTypes,
                             List<String> media, List<NoteBody> notes) {
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
        PushPlan plan = work.plan();
        return new AgentWorkResponse(work.taskId().value(), work.attempt(), plan.decks(),
                plan.noteTypes().stream().map(type -> new NoteTypeBody(type.name(), type.cloze(), type.fields(),
                        type.cardTypes().stream().map(t -> new CardTypeBody(t.name(), t.front(), t.back())).toList(),
                        type.css())).toList(),
                plan.media(),
                plan.notes().stream().map(note -> new NoteBody(note.cardId().value(), note.deck(), note.noteType(),
                        note.fields(), note.tags(), note.ankiNoteId())).toList());
    }
}
