package io.ankirag.application.port.out.anki;

import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.ReadLimits;
import java.nio.file.Path;

/** Reads an Anki package into plain values; nothing is imported or stored. */
public interface ReadAnkiPackagePort {

    /**
     * Reads any .apkg or .colpkg Anki has written: {@code collection.anki2} and {@code collection.anki21}
     * (schema 11) and {@code collection.anki21b} (zstd, schema 18), choosing by the package's {@code meta} entry
     * and, without one, by which collection file is there. Every media file in the map is checked to be present
     * and within {@code limits}; its bytes are read again only when {@link io.ankirag.application.anki.AnkiMedia#open()}
     * is called, from {@code file}, which the caller keeps until then; the zip opened for that stays open until the
     * caller closes the package. Temporary files are gone when this returns.
     *
     * <p>Ids are Anki's. Every note's note type and every card's note exist in the result; a card's deck may
     * not (Anki puts such cards in the default deck).
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002}, saying what is wrong, for an empty file or one
     *         that is not a zip, an entry name that could leave a folder, a package that inflates past {@code limits},
     *         a media map with unsafe names or pointing at missing entries, a missing, damaged or non-SQLite
     *         collection, a schema version outside 11 to 18, a package written by an unknown newer format, and
     *         duplicate note ids
     */
    AnkiPackage read(Path file, ReadLimits limits);

    /**
     * Checks, without inflating anything but the small {@code meta} entry, that {@code file} could be a package:
     * a non-empty zip within the entry limit, with safe entry names and a collection of a known format. Passing
     * says little about the collection itself; {@link #read} still refuses what this lets through.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002}, saying what is wrong
     */
    void inspect(Path file, ReadLimits limits);
}
