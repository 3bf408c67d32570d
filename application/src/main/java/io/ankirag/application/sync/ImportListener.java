package io.ankirag.application.sync;

import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportProgress;

/** What a running import tells whoever runs it. */
interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    /** At each phase and every few hundred notes or media files; on the importing thread, outside any transaction. */
    default void progressed(ImportProgress progress) {
    }

    /**
     * The report, inside the unit that stores the import's decks, templates and cards, just before it commits:
     * what is written here through a port that joins the transaction commits or rolls back with them.
     */
    default void beforeCommit(ImportReport report) {
    }
}
