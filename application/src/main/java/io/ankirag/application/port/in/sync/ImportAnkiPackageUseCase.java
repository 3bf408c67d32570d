package io.ankirag.application.port.in.sync;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;

/** Imports an Anki package (.apkg, .colpkg) into the owner's library: decks, templates, one card per note, media. */
public interface ImportAnkiPackageUseCase {

    /**
     * @param targetDeck an existing deck of the owner to import under, or {@code null} for the top level
     * @param createDeck whether the package's decks are created (merged with existing decks of the same path);
     *                   without it every note goes into {@code targetDeck}, which is then required
     * @param overwrite  whether notes already in the library (same Anki note id, or same first field in the
     *                   destination deck) are updated; otherwise they are skipped
     * @param extraTags  added to every imported note's own tags
     */
    record ImportOptions(DeckId targetDeck, boolean createDeck, boolean overwrite, List<String> extraTags) {

        public ImportOptions {
            extraTags = extraTags == null ? List.of() : List.copyOf(extraTags);
        }
    }

    /** A note left alone because the library already has it. */
    record SkippedNote(long noteId, String reason) {
    }

    /** A note that could not be imported, with the refusal's code and detail. */
    record FailedNote(long noteId, ErrorCode code, String detail) {
    }

    record ImportReport(int importedNotes, int updated, List<SkippedNote> skipped, List<FailedNote> failed,
                        int createdDecks, int createdTemplates, int media) {

        public ImportReport {
            skipped = List.copyOf(skipped);
            failed = List.copyOf(failed);
        }
    }

    /**
     * Reads {@code file} (which the caller keeps until this returns and deletes afterwards) and imports it. Every
     * note becomes one card, created as already synced. All cards are written in one batch: either every accepted
     * note is in, or none is; refused notes are reported one by one, never stop the others.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002} for a file that is not a readable Anki
     *                                                 package (nothing is created then), {@code DECK_001} for an
     *                                                 unknown target deck, {@code REQ_002} for invalid extra tags
     *                                                 or {@code createDeck} off without a target deck
     */
    ImportReport importPackage(UserId owner, Path file, ImportOptions options);
}
