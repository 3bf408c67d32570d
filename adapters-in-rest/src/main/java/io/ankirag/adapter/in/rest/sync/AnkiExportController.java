package io.ankirag.adapter.in.rest.sync;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.sync.ExportDeckUseCase;
import io.ankirag.application.port.in.sync.ExportDeckUseCase.ExportedDeck;
import io.ankirag.domain.deck.DeckId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/** Downloads a deck as an .apkg. Another user's deck answers 404 {@code DECK_001}, like a deck that never existed. */
@RestController
@Tag(name = "Sync")
class AnkiExportController {

    static final String APKG = "application/apkg";

    private final ExportDeckUseCase exports;

    AnkiExportController(ExportDeckUseCase exports) {
        this.exports = exports;
    }

    // The package is built in a temporary file first, so that a failure still answers Problem Details, not half a zip.
    @GetMapping("/api/decks/{id}/export.apkg")
    @Operation(summary = "Export a deck with its sub-decks, templates and media as an Anki package")
    void export(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                @Parameter(description = "only approved cards (synced ones and ones whose sync failed included)")
                @RequestParam(name = "only_approved", defaultValue = "false") boolean onlyApproved,
                HttpServletResponse response) throws IOException {
        ExportedDeck exported = exports.exportDeck(caller.id(), new DeckId(id), onlyApproved);
        try {
            response.setContentType(APKG);
            response.setContentLengthLong(Files.size(exported.file()));
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName(exported.deckName())).build().toString());
            try (OutputStream body = response.getOutputStream()) {
                Files.copy(exported.file(), body);
            }
        } finally {
            Files.deleteIfExists(exported.file());
        }
    }

    /** The deck's name with anything a file system or header could trip over replaced, plus the extension. */
    static String fileName(String deckName) {
        String safe = deckName.replaceAll("[^\\p{Alnum} ._-]", "_").replaceAll("^[ .]+|[ .]+$", "").strip();
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        return (safe.isEmpty() ? "deck" : safe) + ".apkg";
    }
}
