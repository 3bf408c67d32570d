package io.ankirag.application.anki;

/** Which collection file a package carried; Anki's {@code PackageMetadata.Version} 1 to 3. */
public enum AnkiPackageFormat {
    /** {@code collection.anki2}: Anki 2.0 and older exports, schema 11. */
    LEGACY_ANKI2,
    /** {@code collection.anki21}: Anki 2.1 before 2.1.50, or a newer Anki's "support older versions" export. */
    LEGACY_ANKI21,
    /** {@code collection.anki21b}: zstd-compressed, schema 18, media map and media files zstd-compressed too. */
    LATEST_ANKI21B
}
