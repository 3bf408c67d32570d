package io.ankirag.application.port.out.anki;

import io.ankirag.application.anki.AnkiPackage;
import java.nio.file.Path;

/** Writes plain Anki values as a package that Anki imports; the counterpart of {@link ReadAnkiPackagePort}. */
public interface WriteAnkiPackagePort {

    /**
     * Writes {@code pkg} to {@code target} (replaced if present) as a legacy .apkg: {@code collection.anki2}
     * (schema 11) plus numbered media entries, what Anki's "support older Anki versions" export writes and every
     * Anki version imports. {@code pkg.format()} is ignored. Ids, guids and modification times are written as
     * given, so that Anki matches notes exported before by guid. Every card's note, every note's note type and
     * every card's deck must be in {@code pkg}; media bytes are read through {@link io.ankirag.application.anki.AnkiMedia#open()}.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYS_001} when the file cannot be written;
     *         {@code REQ_002} for a package whose references do not hold
     */
    void write(AnkiPackage pkg, Path target);
}
