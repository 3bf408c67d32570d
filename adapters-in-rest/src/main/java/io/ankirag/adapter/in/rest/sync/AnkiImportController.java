package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.adapter.in.rest.sync.SyncDtos.FailedNoteResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.ImportResponse;
import io.ankirag.adapter.in.rest.sync.SyncDtos.SkippedNoteResponse;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports an uploaded .apkg synchronously. The upload's size limit is Spring's multipart limit
 * ({@code MAX_UPLOAD_SIZE}); a larger one answers 413 {@code REQ_003}.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "Sync")
class AnkiImportController {

    private final ImportAnkiPackageUseCase imports;

    AnkiImportController(ImportAnkiPackageUseCase imports) {
        this.imports = imports;
    }

    /*
     * Spec 5.6 answers 201; this answers 200, since an import may create nothing (every note skipped) and has no
     * single resource to point a Location at.
     */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an Anki package: decks, note types, one card per note, media; reports each skipped or failed note")
    ImportResponse importPackage(@AuthenticationPrincipal CurrentUser caller,
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
            ImportReport report = imports.importPackage(caller.id(), upload,
                    new ImportOptions(deckId == null ? null : new DeckId(deckId), createDeck, overwrite, split(tags)));
            return toResponse(report);
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "the upload could not be saved for reading", e);
        } finally {
            deleteQuietly(upload);
        }
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
