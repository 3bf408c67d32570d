package io.ankirag.application.anki;

/**
 * How much a package may make a reader inflate, counted in bytes actually decompressed (zip and zstd), never as
 * a header claims.
 *
 * @param maxTotalBytes       all entries together, uncompressed
 * @param maxEntryBytes       any one entry (collection or media file), uncompressed
 * @param maxCompressionRatio uncompressed over compressed size of one zip entry, checked once the entry passes
 *                            {@link #RATIO_GRACE_BYTES}: small entries, such as a mostly empty SQLite file, legitimately
 *                            compress very well
 * @param maxEntries          zip entries in the package
 */
public record ReadLimits(long maxTotalBytes, long maxEntryBytes, int maxCompressionRatio, int maxEntries) {

    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private static final long MIB = 1024 * 1024;

    public ReadLimits {
        if (maxTotalBytes <= 0 || maxEntryBytes <= 0 || maxCompressionRatio <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /** Generous for real shared decks (a few GiB of media), far below what a zip bomb asks for. */
    public static ReadLimits defaults() {
        return new ReadLimits(4096 * MIB, 1024 * MIB, 200, 100_000);
    }
}
