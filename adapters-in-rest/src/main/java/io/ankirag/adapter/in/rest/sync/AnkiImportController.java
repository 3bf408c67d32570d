package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ErrorResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.FailedNoteResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ImportJobAccepted;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ImportJobResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ImportResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ProgressResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.SkippedNoteResponse;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.in.sync.ImportJobQuery;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.application.port.in.sync.ImportJobView.Outcome;
import io.ankirag.application.port.in.sync.StartImportUseCase;
import io.ankirag.application.port.in.sync.StartImportUseCase.Finished;
import io.ankirag.application.port.in.sync.StartImportUseCase.Queued;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports an uploaded .apkg: at once when it is small, as a background job when it is larger than
 * {@code SYNC_IMPORT_INLINE_MAX_BYTES}. The upload's size limit is Spring's multipart limit ({@code MAX_UPLOAD_SIZE});
 * a larger one answers 413 {@code REQ_003}.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "Sync")
class AnkiImportController {

    private static final String JOBS = "/api/sync/import/jobs/";

    private final StartImportUseCase imports;
    private final ImportJobQuery jobs;

    AnkiImportController(StartImportUseCase imports, ImportJobQuery jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /*
     * Spec 5.6 answers 201; this answers 200, since an import may create nothing (every note skipped) and has no
     * single resource to point a Location at. A background job answers 202 with its Location.
     */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an Anki package: decks, note types, one card per note, media; reports each skipped or"
            + " failed note. A large package answers 202 with a job to follow instead")
    @ApiResponse(responseCode = "200", description = "imported during the request",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @ApiResponse(responseCode = "202", description = "queued as a background job; follow its Location",
            content = @Content(schema = @Schema(implementation = ImportJobAccepted.class)))
    ResponseEntity<Object> importPackage(@AuthenticationPrincipal CurrentUser caller,
                                         @RequestParam("file") MultipartFile file,
                                         @Parameter(description = "an existing deck to import under")
                                         @RequestParam(name = "deck_id", required = false) UUID deckId,
                                         @Parameter(description = "create the package's decks; false puts every note into deck_id")
                                         @RequestParam(name = "create_deck", defaultValue = "true") boolean createDeck,
                                         @Parameter(description = "update notes already imported instead of skipping them")
                                         @RequestParam(name = "overwrite", defaultValue = "false") boolean overwrite,
                                         @Parameter(description = "tags added to every card; repeat the part or separate by commas")
                                         @RequestParam(name = "tags", required = false) List<String> tags) {
        Path upload = null;
        try {
            upload = Files.createTempFile("ankirag-import-", ".apkg");
            file.transferTo(upload);
            var started = imports.start(caller.id(), upload, file.getOriginalFilename(),
                    new ImportOptions(deckId == null ? null : new DeckId(deckId), createDeck, overwrite, split(tags)));
            return switch (started) {
                case Finished finished -> ResponseEntity.ok(toResponse(finished.report()));
                case Queued queued -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create(JOBS + queued.job().id()))
                        .body(new ImportJobAccepted(queued.job().id().value(), status(queued.job()),
                                "Import job created; follow it at " + JOBS + queued.job().id()));
            };
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "the upload could not be saved for reading", e);
        } finally {
            deleteQuietly(upload);
        }
    }

    @GetMapping("/import/jobs/{id}")
    @Operation(summary = "One of the caller's import jobs: status, progress and, once completed, the import's answer")
    ImportJobResponse job(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return toResponse(jobs.job(caller.id(), new ImportJobId(id)));
    }

    @GetMapping("/import/jobs")
    @Operation(summary = "The caller's import jobs, newest first (results without the note-by-note lists)")
    PageResponse<ImportJobResponse> jobs(@AuthenticationPrincipal CurrentUser caller,
                                         @RequestParam(defaultValue = "1") int page,
                                         @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(jobs.jobs(caller.id(), new PageRequest(page, size)), AnkiImportController::toResponse);
    }

    private static List<String> split(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().flatMap(value -> Arrays.stream(value.split("[,\\s]+"))).filter(tag -> !tag.isBlank()).toList();
    }

    private static ImportResponse toResponse(ImportReport report) {
        return new ImportResponse(report.importedNotes(), report.updated(), report.skipped().size(), report.failed().size(),
                report.createdDecks(), report.createdTemplates(), report.media(),
                report.skipped().stream().map(skip -> new SkippedNoteResponse(skip.noteId(), skip.reason())).toList(),
                report.failed().stream()
                        .map(failure -> new FailedNoteResponse(failure.noteId(), failure.code().name(), failure.detail()))
                        .toList());
    }

    private static ImportJobResponse toResponse(ImportJobView job) {
        ImportResponse result = null;
        if (job.report() != null) {
            result = toResponse(job.report());
        } else if (job.outcome() != null) {
            Outcome outcome = job.outcome();
            result = new ImportResponse(outcome.imported(), outcome.updated(), outcome.skipped(), outcome.failed(),
                    outcome.createdDecks(), outcome.createdTemplates(), outcome.media(), null, null);
        }
        var progress = job.progress();
        return new ImportJobResponse(job.id().value(), status(job), job.fileName(), job.fileSize(),
                new ProgressResponse(progress.phase().name().toLowerCase(Locale.ROOT), progress.notesDone(),
                        progress.notesTotal(), progress.mediaDone(), progress.mediaTotal(), progress.percent()),
                job.attempts(), result,
                job.errorCode() == null ? null : new ErrorResponse(job.errorCode().name(), job.errorDetail()),
                job.createdAt(), job.startedAt(), job.finishedAt());
    }

    private static String status(ImportJobView job) {
        return job.status().name().toLowerCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path upload) {
        if (upload == null) {
            return;
        }
        try {
            Files.deleteIfExists(upload);
        } catch (IOException ignored) {
            upload.toFile().deleteOnExit();
        }
    }
}
