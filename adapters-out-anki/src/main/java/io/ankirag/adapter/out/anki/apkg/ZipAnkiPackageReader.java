package io.ankirag.adapter.out.anki.apkg;

import com.github.luben.zstd.ZstdException;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.domain.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads .apkg and .colpkg files as Anki writes them (rslib {@code import_export/package}): the {@code meta} entry
 * (protobuf {@code PackageMetadata}) names the format; without it, the newest collection file present decides.
 * Newer exports also carry a stub {@code collection.anki2} that only says to update Anki: it is read only when it
 * is the sole collection.
 */
@Component
class ZipAnkiPackageReader implements ReadAnkiPackagePort {

    private static final long MAX_SMALL_ENTRY_BYTES = 64L * 1024 * 1024;

    private final Path temporaryFolder;

    ZipAnkiPackageReader() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param temporaryFolder where the collection is extracted (SQLite needs a file), removed after each read */
    ZipAnkiPackageReader(Path temporaryFolder) {
        this.temporaryFolder = temporaryFolder;
    }

    @Override
    public AnkiPackage read(Path file, ReadLimits limits) {
        Objects.requireNonNull(limits, "limits");
        try {
            if (Files.size(file) == 0) {
                throw InvalidPackage.because("The file is empty.");
            }
            try (PackageArchive archive = PackageArchive.open(file, limits)) {
                AnkiPackageFormat format = format(archive);
                MediaArchive mediaArchive = new MediaArchive(file, limits);
                List<AnkiMedia> media = media(archive, format, mediaArchive);
                SqliteCollection.Contents contents = collection(archive, format);
                return new AnkiPackage(format, contents.decks(), contents.noteTypes(), contents.notes(),
                        contents.cards(), media, mediaArchive::close);
            }
        } catch (DomainException refused) {
            throw refused;
        } catch (NoSuchFileException missing) {
            throw InvalidPackage.because("The package file is missing.", missing);
        } catch (IOException | UncheckedIOException | SQLException | ZstdException
                 | ProtoReader.MalformedProtobufException damaged) {
            throw InvalidPackage.because("The package is damaged or not an Anki package" + describe(damaged), damaged);
        }
    }

    @Override
    public void inspect(Path file, ReadLimits limits) {
        Objects.requireNonNull(limits, "limits");
        try {
            if (Files.size(file) == 0) {
                throw InvalidPackage.because("The file is empty.");
            }
            try (PackageArchive archive = PackageArchive.open(file, limits)) {
                format(archive);
            }
        } catch (DomainException refused) {
            throw refused;
        } catch (NoSuchFileException missing) {
            throw InvalidPackage.because("The package file is missing.", missing);
        } catch (IOException | UncheckedIOException | ZstdException | ProtoReader.MalformedProtobufException damaged) {
            throw InvalidPackage.because("The package is damaged or not an Anki package" + describe(damaged), damaged);
        }
    }

    /** What the library said, unless it is a file-system message: those name server paths, not package content. */
    private static String describe(Exception damaged) {
        Throwable cause = damaged instanceof UncheckedIOException unchecked ? unchecked.getCause() : damaged;
        if (cause instanceof FileSystemException || cause.getMessage() == null) {
            return ".";
        }
        return ": " + cause.getMessage();
    }

    private static AnkiPackageFormat format(PackageArchive archive) throws IOException {
        if (archive.has("meta")) {
            long version = metaVersion(archive.readAll("meta", false, MAX_SMALL_ENTRY_BYTES));
            AnkiPackageFormat format = switch ((int) Math.clamp(version, -1, 4)) {
                case 1 -> AnkiPackageFormat.LEGACY_ANKI2;
                case 2 -> AnkiPackageFormat.LEGACY_ANKI21;
                case 3 -> AnkiPackageFormat.LATEST_ANKI21B;
                default -> throw InvalidPackage.because("The package has format version " + version
                        + ", which this reader does not know; export it again with \"Support older Anki versions\".");
            };
            if (!archive.has(collectionName(format))) {
                throw InvalidPackage.because("The package says it holds " + collectionName(format)
                        + " but does not.");
            }
            return format;
        }
        return Stream.of(AnkiPackageFormat.LATEST_ANKI21B, AnkiPackageFormat.LEGACY_ANKI21, AnkiPackageFormat.LEGACY_ANKI2)
                .filter(format -> archive.has(collectionName(format)))
                .findFirst()
                .orElseThrow(() -> InvalidPackage.because("The zip holds no Anki collection (collection.anki2,"
                        + " collection.anki21 or collection.anki21b)."));
    }

    /** {@code PackageMetadata { Version version = 1; }}. */
    private static long metaVersion(byte[] meta) {
        long version = 0;
        ProtoReader reader = new ProtoReader(meta);
        for (int field = reader.nextField(); field != -1; field = reader.nextField()) {
            if (field == 1) {
                version = reader.varint();
            } else {
                reader.skip();
            }
        }
        return version;
    }

    private static String collectionName(AnkiPackageFormat format) {
        return switch (format) {
            case LEGACY_ANKI2 -> "collection.anki2";
            case LEGACY_ANKI21 -> "collection.anki21";
            case LATEST_ANKI21B -> "collection.anki21b";
        };
    }

    private static boolean zstd(AnkiPackageFormat format) {
        return format == AnkiPackageFormat.LATEST_ANKI21B;
    }

    private SqliteCollection.Contents collection(PackageArchive archive, AnkiPackageFormat format)
            throws IOException, SQLException {
        Path folder = Files.createTempDirectory(temporaryFolder, "ankirag-apkg-");
        try {
            Path database = folder.resolve("collection.sqlite");
            try (OutputStream out = Files.newOutputStream(database)) {
                archive.copy(collectionName(format), zstd(format), out);
            }
            return SqliteCollection.read(database);
        } finally {
            deleteRecursively(folder);
        }
    }

    /**
     * Every media file is inflated once here, to check it against the limits, its CRC and the size and SHA-1 the
     * map declares; {@link AnkiMedia#open()} reads it again from the package.
     */
    private static List<AnkiMedia> media(PackageArchive archive, AnkiPackageFormat format, MediaArchive mediaArchive)
            throws IOException {
        if (!archive.has("media")) {
            return List.of();
        }
        byte[] map = archive.readAll("media", zstd(format), MAX_SMALL_ENTRY_BYTES);
        MediaIndex index = zstd(format) ? MediaIndex.fromProtobuf(map) : MediaIndex.fromJson(map);
        List<AnkiMedia> media = new ArrayList<>();
        for (MediaIndex.Entry entry : index.entries()) {
            if (!archive.has(entry.zipName())) {
                throw InvalidPackage.because("The package's media map names \"" + PackageArchive.printable(entry.name())
                        + "\" in entry \"" + PackageArchive.printable(entry.zipName()) + "\", which is missing.");
            }
            // Only current packages declare a checksum; hashing the others' media would be work for nothing.
            MessageDigest sha1 = entry.sha1().length > 0 ? sha1() : null;
            long size = archive.copy(entry.zipName(), zstd(format), sha1 == null ? OutputStream.nullOutputStream()
                    : new DigestOutputStream(OutputStream.nullOutputStream(), sha1));
            if (entry.size() >= 0 && entry.size() != size) {
                throw InvalidPackage.because("The media file \"" + PackageArchive.printable(entry.name()) + "\" has "
                        + size + " bytes where the map says " + entry.size() + ".");
            }
            if (sha1 != null && !Arrays.equals(entry.sha1(), sha1.digest())) {
                throw InvalidPackage.because("The media file \"" + PackageArchive.printable(entry.name())
                        + "\" does not match its checksum.");
            }
            String zipName = entry.zipName();
            boolean zstd = zstd(format);
            media.add(new AnkiMedia(entry.name(), size, () -> mediaArchive.stream(zipName, zstd)));
        }
        return media;
    }

    /**
     * The package's zip for reading media after {@link #read}: opened (and its entry names checked) on the first
     * file, then shared by the others until the package is closed. Opening it for each file instead read the
     * zip's whole directory each time: quadratic in the number of media files.
     */
    private static final class MediaArchive {

        private final Path file;
        private final ReadLimits limits;
        private PackageArchive archive;

        MediaArchive(Path file, ReadLimits limits) {
            this.file = file;
            this.limits = limits;
        }

        synchronized InputStream stream(String zipName, boolean zstd) {
            try {
                if (archive == null) {
                    archive = PackageArchive.open(file, limits);
                }
                return archive.stream(zipName, zstd);
            } catch (DomainException refused) {
                throw refused;
            } catch (IOException | RuntimeException failed) {
                throw InvalidPackage.because("The package can no longer be read: " + failed.getMessage(), failed);
            }
        }

        synchronized void close() {
            if (archive != null) {
                archive.close();
                archive = null;
            }
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
