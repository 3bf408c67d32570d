package io.ankirag.adapter.in.rest.generation;

import io.ankirag.adapter.in.rest.generation.GenerationDtos.DroppedDuplicateResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.GenerationErrorResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.FactCheckResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.GenerateRequest;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.GenerateResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.GeneratedCardResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.JobResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.JobSummaryResponse;
import io.ankirag.adapter.in.rest.generation.GenerationDtos.SourceResponse;
import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.generation.CancelGenerationUseCase;
import io.ankirag.application.port.in.generation.GeneratedCardView;
import io.ankirag.application.port.in.generation.GenerationIssueView;
import io.ankirag.application.port.in.generation.GenerationJobQuery;
import io.ankirag.application.port.in.generation.GenerationJobQuery.GenerationJobDetails;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationAccepted;
import io.ankirag.application.port.in.generation.RequestGenerationUseCase.GenerationOrder;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.generation.FactCheck;
import io.ankirag.domain.generation.GenerationJobId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card generation (spec 5.4): start a job, follow it, cancel it. The progress stream is
 * {@code GET /api/generate/stream} in the SSE adapter. Another user's job answers 404 {@code GEN_003}.
 */
@RestController
@RequestMapping("/api/generate")
@Tag(name = "Generation")
class GenerationController {

    private final RequestGenerationUseCase request;
    private final CancelGenerationUseCase cancel;
    private final GenerationJobQuery jobs;

    GenerationController(RequestGenerationUseCase request, CancelGenerationUseCase cancel, GenerationJobQuery jobs) {
        this.request = request;
        this.cancel = cancel;
        this.jobs = jobs;
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start generating cards on a topic; answers the job at once (429 RATE_001 past the rate limit)")
    GenerateResponse generate(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody GenerateRequest body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyHeader) {
        String key = body.idempotencyKey() != null && !body.idempotencyKey().isBlank() ? body.idempotencyKey() : idempotencyHeader;
        GenerationAccepted accepted = request.requestGeneration(caller.id(), new GenerationOrder(body.topic(), body.numCards(),
                body.deckId() == null ? null : new DeckId(body.deckId()), body.promptId(), body.language(), body.difficulty(),
                body.factCheck(), body.includeSources(), key));
        return new GenerateResponse(accepted.jobId().value(), accepted.status().wireName(),
                accepted.repeated() ? "Generation job already started with this idempotency key" : "Generation job created");
    }

    @GetMapping("/jobs")
    @Operation(summary = "The caller's generation jobs, newest first")
    PageResponse<JobSummaryResponse> list(@AuthenticationPrincipal CurrentUser caller,
                                          @RequestParam(defaultValue = "1") int page,
                                          @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(jobs.jobs(caller.id(), new PageRequest(page, size)), GenerationController::summary);
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job's status and progress, the cards it made, what it dropped and why it failed")
    JobResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return response(jobs.job(caller.id(), new GenerationJobId(id)));
    }

    @PostMapping("/jobs/{id}/cancel")
    @Operation(summary = "Stop a pending or running job; its cards so far stay drafts (409 GEN_004 once it has finished)")
    JobResponse cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        GenerationJobId job = new GenerationJobId(id);
        cancel.cancelGeneration(caller.id(), job);
        return response(jobs.job(caller.id(), job));
    }

    private static JobSummaryResponse summary(GenerationJobView job) {
        return new JobSummaryResponse(job.id().value(), job.status().wireName(), job.progressPercent(), job.numCards(),
                job.cardsCreated(), job.candidatesFailed(), job.duplicatesDropped(), job.message(), job.topic(),
                job.deckId().value(), job.promptId().value(), job.promptVersionId().value(), job.language(),
                job.difficulty().wireName(), job.factCheck(), job.includeSources(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }

    private static JobResponse response(GenerationJobDetails details) {
        GenerationJobView job = details.job();
        List<GenerationErrorResponse> errors = new ArrayList<>();
        List<DroppedDuplicateResponse> duplicates = new ArrayList<>();
        for (GenerationIssueView issue : details.issues()) {
            switch (issue.kind()) {
                case DUPLICATE -> duplicates.add(new DroppedDuplicateResponse(issue.candidate(), issue.fields(),
                        issue.duplicateOf().value(), issue.similarity() == null ? 0 : issue.similarity()));
                case REJECTED -> errors.add(new GenerationErrorResponse(issue.code() == null ? null : issue.code().name(), issue.reason(),
                        issue.candidate(), issue.fields()));
            }
        }
        if (job.errorCode() != null) {
            errors.add(new GenerationErrorResponse(job.errorCode().name(), job.errorMessage(), null, null));
        }
        return new JobResponse(job.id().value(), job.status().wireName(), job.progressPercent(), job.numCards(),
                job.cardsCreated(), job.candidatesFailed(), job.duplicatesDropped(), job.message(), job.topic(),
                job.deckId().value(), job.promptId().value(), job.promptVersionId().value(), job.language(),
                job.difficulty().wireName(), job.factCheck(), job.includeSources(), job.createdAt(), job.startedAt(),
                job.finishedAt(), details.cards().stream().map(GenerationController::card).toList(), errors, duplicates);
    }

    private static GeneratedCardResponse card(GeneratedCardView card) {
        return new GeneratedCardResponse(card.sequence(), card.cardId().value(), card.templateId().value(), card.fields(),
                factCheck(card.factCheck()), card.createdAt());
    }

    static FactCheckResponse factCheck(FactCheck check) {
        if (check == null) {
            return null;
        }
        return new FactCheckResponse(check.verdict().name().toLowerCase(Locale.ROOT), check.explanation(), check.correction(),
                check.sources().stream().map(source -> new SourceResponse(source.url(), source.title())).toList(), check.model());
    }
}
