package io.ankirag.adapter.out.anki.apkg;

import com.github.luben.zstd.ZstdInputStream;
import io.ankirag.application.anki.ReadLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A package's zip, read within {@link ReadLimits}: entry names are checked when it opens; every byte inflated
 * (and, for zstd entries, decompressed) is counted against the per-entry, ratio and total limits, and every fully
 * read entry's CRC is checked, since {@link ZipFile} does not.
 */
final class PackageArchive implements AutoCloseable {

    private final ZipFile zip;
    private final ReadLimits limits;
    private final Set<String> names = new HashSet<>();
    private long totalBytes;

    private PackageArchive(ZipFile zip, ReadLimits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    static PackageArchive open(Path file, ReadLimits limits) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | IllegalArgumentException notZip) {
            throw InvalidPackage.because("The file is not a zip archive, so not an Anki package.", notZip);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        PackageArchive archive = new PackageArchive(zip, limits);
        try {
            archive.checkEntries();
        } catch (RuntimeException refused) {
            archive.close();
            throw refused;
        }
        return archive;
    }

    private void checkEntries() {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (names.size() >= limits.maxEntries()) {
                throw InvalidPackage.because("The package has more than " + limits.maxEntries() + " entries.");
            }
            if (!isSafeEntryName(name)) {
                throw InvalidPackage.because("The package has an entry named \"" + printable(name)
                        + "\", which could write outside a folder.");
            }
            names.add(name);
        }
    }

    static boolean isSafeEntryName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.contains(":")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    boolean has(String name) {
        return names.contains(name) && zip.getEntry(name) != null;
    }

    /** The whole entry in memory; only for small ones (meta, media map), capped at {@code maxBytes}. */
    byte[] readAll(String name, boolean zstd, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(name, zstd, out, Math.min(maxBytes, limits.maxEntryBytes()));
        return out.toByteArray();
    }

    /** Inflates (and decompresses) the whole entry into {@code out}; returns its uncompressed size. */
    long copy(String name, boolean zstd, OutputStream out) throws IOException {
        return copy(name, zstd, out, limits.maxEntryBytes());
    }

    private long copy(String name, boolean zstd, OutputStream out, long maxBytes) throws IOException {
        ZipEntry entry = entry(name);
        try (ZipLayer raw = new ZipLayer(zip.getInputStream(entry), entry, limits)) {
            InputStream decompressed = zstd ? new ZstdInputStream(raw) : raw;
            CountingInputStream data = new CountingInputStream(decompressed, (added, entryBytes) -> {
                if (entryBytes > maxBytes) {
                    throw InvalidPackage.because("The entry \"" + printable(name) + "\" is larger than "
                            + maxBytes + " bytes uncompressed.");
                }
                totalBytes += added;
                if (totalBytes > limits.maxTotalBytes()) {
                    throw InvalidPackage.because("The package is larger than " + limits.maxTotalBytes()
                            + " bytes uncompressed.");
                }
            });
            data.transferTo(out);
            // zstd may stop before the zip entry's end; read the rest so its size and CRC are checked too.
            raw.transferTo(OutputStream.nullOutputStream());
            return data.count();
        }
    }

    /** Opens an entry for reading later, limited like {@link #copy}; the archive must stay open while it is read. */
    InputStream stream(String name, boolean zstd) throws IOException {
        ZipEntry entry = entry(name);
        ZipLayer raw = new ZipLayer(zip.getInputStream(entry), entry, limits);
        InputStream decompressed = zstd ? new ZstdInputStream(raw) : raw;
        long maxBytes = limits.maxEntryBytes();
        return new CountingInputStream(decompressed, (added, entryBytes) -> {
            if (entryBytes > maxBytes) {
                throw InvalidPackage.because("The entry \"" + printable(name) + "\" is larger than " + maxBytes
                        + " bytes uncompressed.");
            }
        });
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = has(name) ? zip.getEntry(name) : null;
        if (entry == null || entry.isDirectory()) {
            throw InvalidPackage.because("The package has no entry \"" + printable(name) + "\".");
        }
        return entry;
    }

    Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only zip loses nothing.
        }
    }

    /** The zip layer: inflated bytes against the per-entry size and ratio limits, and the CRC at the end. */
    private static final class ZipLayer extends CountingInputStream {

        private final ZipEntry entry;
        private final CRC32 crc = new CRC32();

        ZipLayer(InputStream in, ZipEntry entry, ReadLimits limits) {
            super(in, (added, entryBytes) -> {
                if (entryBytes > limits.maxEntryBytes()) {
                    throw InvalidPackage.because("The entry \"" + printable(entry.getName()) + "\" inflates past "
                            + limits.maxEntryBytes() + " bytes.");
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                if (entryBytes > ReadLimits.RATIO_GRACE_BYTES && entryBytes / compressed > limits.maxCompressionRatio()) {
                    throw InvalidPackage.because("The entry \"" + printable(entry.getName())
                            + "\" inflates more than " + limits.maxCompressionRatio()
                            + " times its compressed size: a zip bomb, not an Anki package.");
                }
            });
            this.entry = entry;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                crc.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        void ended() {
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw InvalidPackage.because("The entry \"" + printable(entry.getName())
                        + "\" is damaged: its checksum does not match.");
            }
        }
    }
}
