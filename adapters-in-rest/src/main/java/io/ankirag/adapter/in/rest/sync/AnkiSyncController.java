package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.PullCardsUseCase;
import io.ankirag.application.port.in.sync.PushCardsUseCase;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskQuery;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
 * Spec 5.6's push and the pull (issue 8): each queues a sync task and answers 202 with it; the task runs in the
 * background against the server's AnkiConnect ({@code ANKI_CONNECT_URL}), or, with {@code via_agent}, waits for the
 * caller's desktop agent to claim it.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "Sync")
class AnkiSyncController {

    private static final String TASKS = "/api/sync/tasks/";

    private final PushCardsUseCase pushes;
    private final PullCardsUseCase pulls;
    private final SyncTaskQuery tasks;

    AnkiSyncController(PushCardsUseCase pushes, PullCardsUseCase pulls, SyncTaskQuery tasks) {
        this.pushes = pushes;
        this.pulls = pulls;
        this.tasks = tasks;
    }

    record PushRequest(List<UUID> cardIds, Boolean viaAgent) {
    }

    /** @param deck an Anki deck path ({@code Languages::French}) whose subtree is pulled; all decks when absent */
    record PullRequest(String deck, Boolean sinceLastPull, Boolean viaAgent) {
    }

    /** Spec 5.6's answer: the task to follow, its status and how many cards it sends. */
    record SyncTaskAccepted(UUID taskId, String status, int cardsCount) {
    }

    record CardResultResponse(UUID cardId, String outcome, Long ankiNoteId, String error) {
    }

    record SyncTaskResponse(UUID id, String kind, String status, boolean viaAgent, int cardsCount, int doneCount,
                            int attempts, List<CardResultResponse> results, SyncDtos.ErrorResponse error,
                            Instant retryAt, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    @PostMapping("/push")
    @Operation(summary = "Push cards to Anki: approved, synced (their notes are updated) or sync_failed ones; 202 with"
            + " the task, which records per card synced with Anki's note id or sync_failed with the reason")
    ResponseEntity<SyncTaskAccepted> push(@AuthenticationPrincipal CurrentUser caller, @RequestBody PushRequest request) {
        if (request.cardIds() == null) {
            throw new DomainException(ErrorCode.REQ_002, "card_ids is required");
        }
        SyncTaskView task = pushes.push(caller.id(), request.cardIds().stream().map(CardId::new).toList(),
                Boolean.TRUE.equals(request.viaAgent()));
        return accepted(task);
    }

    @PostMapping("/pull")
    @Operation(summary = "Pull notes from Anki: all decks or a deck subtree, or only notes changed since the last pull;"
            + " new notes become cards, edited ones update theirs, conflicts follow SYNC_CONFLICT_POLICY")
    ResponseEntity<SyncTaskAccepted> pull(@AuthenticationPrincipal CurrentUser caller,
                                          @RequestBody(required = false) PullRequest request) {
        PullRequest pull = request == null ? new PullRequest(null, false, false) : request;
        SyncTaskView task = pulls.pull(caller.id(), pull.deck(), Boolean.TRUE.equals(pull.sinceLastPull()),
                Boolean.TRUE.equals(pull.viaAgent()));
        return accepted(task);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One of the caller's sync tasks, with its per-card results")
    SyncTaskResponse task(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return toResponse(tasks.task(caller.id(), new SyncTaskId(id)));
    }

    @GetMapping("/tasks")
    @Operation(summary = "The caller's sync tasks, newest first (without per-card results)")
    PageResponse<SyncTaskResponse> tasks(@AuthenticationPrincipal CurrentUser caller,
                                         @RequestParam(defaultValue = "1") int page,
                                         @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(tasks.tasks(caller.id(), new PageRequest(page, size)), AnkiSyncController::toResponse);
    }

    private static ResponseEntity<SyncTaskAccepted> accepted(SyncTaskView task) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(TASKS + task.id()))
                .body(new SyncTaskAccepted(task.id().value(), lower(task.status()), task.cardsCount()));
    }

    static SyncTaskResponse toResponse(SyncTaskView task) {
        return new SyncTaskResponse(task.id().value(), lower(task.kind()), lower(task.status()), task.viaAgent(),
                task.cardsCount(), task.doneCount(), task.attempts(),
                task.results().stream().map(result -> new CardResultResponse(
                        result.cardId() == null ? null : result.cardId().value(), lower(result.outcome()),
                        result.ankiNoteId(), result.error())).toList(),
                task.errorCode() == null ? null : new SyncDtos.ErrorResponse(task.errorCode().name(), task.errorDetail()),
                task.status() == SyncTaskView.Status.DEFERRED ? task.notBefore() : null,
                task.createdAt(), task.startedAt(), task.finishedAt());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
