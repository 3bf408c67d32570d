package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packages built to break a reader: each must be refused with {@code SYNC_002} and a sentence saying why. */
class ZipAnkiPackageReaderHostileTest {

    private static final String MIXED = "srs-converter--mixed-legacy-2.apkg";
    private static final String MUSIC = "anki-pwa--example_music_intervals.apkg";

    @TempDir
    Path work;

    @TempDir
    Path temporaryFolder;

    private ZipAnkiPackageReader reader() {
        return new ZipAnkiPackageReader(temporaryFolder);
    }

    @AfterEach
    void leavesNoTemporaryFiles() {
        assertThat(temporaryFolder).isEmptyDirectory();
    }

    private DomainException refusal(Path file) {
        return refusal(file, ReadLimits.defaults());
    }

    private DomainException refusal(Path file, ReadLimits limits) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> reader().read(file, limits));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.SYNC_002);
        return refused;
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        return TestZips.write(Files.createTempFile(work, "package", ".apkg"), entries);
    }

    private static Map<String, byte[]> fixture(String name) throws IOException {
        return new LinkedHashMap<>(TestZips.entries(Fixtures.apkg(name)));
    }

    /** The mixed package's collection, changed by {@code sql} (run on a copy). */
    private byte[] mixedCollectionAfter(String... sql) throws IOException, SQLException {
        Path database = Files.createTempFile(work, "collection", ".sqlite");
        Files.write(database, fixture(MIXED).get("collection.anki21"));
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = sqlite.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
        return Files.readAllBytes(database);
    }

    @Test
    void refusesEmptyFile() throws IOException {
        Path empty = Files.createFile(work.resolve("empty.apkg"));

        assertThat(refusal(empty)).hasMessageContaining("empty");
    }

    @Test
    void refusesMissingFile() {
        assertThat(refusal(work.resolve("gone.apkg"))).hasMessage("The package file is missing.");
    }

    @Test
    void refusesFileThatIsNotAZip() throws IOException {
        Path text = Files.writeString(work.resolve("notes.apkg"), "Front;Back\nHello;World\n");

        assertThat(refusal(text)).hasMessageContaining("not a zip");
    }

    @Test
    void refusesZipWithoutCollection() throws IOException {
        Path readme = zip(Map.of("README.txt", "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(refusal(readme)).hasMessageContaining("no Anki collection");
    }

    @Test
    void refusesZipBombByCompressionRatio() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", new byte[64 * 1024 * 1024]);

        assertThat(refusal(zip(entries))).hasMessageContaining("zip bomb");
    }

    @Test
    void refusesEntryLargerThanTheLimitWhateverItsHeaderSays() throws IOException {
        ReadLimits small = new ReadLimits(1_000_000_000, 100_000, 1000, 100);

        assertThat(refusal(Fixtures.apkg(MIXED), small)).hasMessageContaining("collection.anki21");
    }

    @Test
    void refusesPackageLargerThanTheTotalLimit() {
        ReadLimits small = new ReadLimits(160_000, 1_000_000, 1000, 100);

        assertThat(refusal(Fixtures.apkg(MIXED), small)).hasMessageContaining("package is larger than 160000");
    }

    @Test
    void refusesZstdBombInTheLatestFormat() throws IOException {
        Map<String, byte[]> entries = fixture(MUSIC);
        entries.put("collection.anki21b", TestZips.zstd(new byte[32 * 1024 * 1024]));
        ReadLimits limits = new ReadLimits(1_000_000_000, 8 * 1024 * 1024, 1000, 100);

        assertThat(refusal(zip(entries), limits)).hasMessageContaining("larger than " + 8 * 1024 * 1024);
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        for (int i = 1; i < 20; i++) {
            entries.put("extra-" + i, new byte[1]);
        }

        assertThat(refusal(zip(entries), new ReadLimits(1_000_000_000, 1_000_000_000, 1000, 10)))
                .hasMessageContaining("more than 10 entries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sh", "media/../../evil.sh", "/etc/cron.d/evil", "..\\evil.bat", "C:evil.bat"})
    void refusesEntryNamesThatLeaveTheFolder(String name) throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put(name, "boom".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(zip(entries))).hasMessageContaining("could write outside a folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.jpg", "sub/evil.jpg", "..\\evil.jpg", "..", "", "a\u0000.jpg"})
    void refusesMediaNamesWithPaths(String name) throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("media", ("{\"0\": \"" + name.replace("\\", "\\\\").replace("\u0000", "\\u0000") + "\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(zip(entries))).hasMessageContaining("media names may not");
    }

    @Test
    void refusesMediaMapPointingAtMissingEntry() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("media", "{\"0\": \"a.jpg\", \"1\": \"b.jpg\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(zip(entries))).hasMessageContaining("\"b.jpg\" in entry \"1\", which is missing");
    }

    @Test
    void refusesMediaMapThatIsNotJson() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("media", "{\"0\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(zip(entries))).hasMessageContaining("media map");
    }

    @Test
    void refusesGarbageCollection() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        entries.put("collection.anki21", garbage);

        assertThat(refusal(zip(entries))).hasMessageContaining("not an SQLite database");
    }

    @Test
    void refusesTruncatedCollection() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        byte[] collection = entries.get("collection.anki21");
        entries.put("collection.anki21", java.util.Arrays.copyOf(collection, collection.length / 3));

        assertThat(refusal(zip(entries))).hasMessageContaining("damaged");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 19, 1_000_000})
    void refusesUnknownSchemaVersion(int version) throws IOException, SQLException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", mixedCollectionAfter("UPDATE col SET ver = " + version));

        assertThat(refusal(zip(entries))).hasMessageContaining("schema version " + version);
    }

    @Test
    void refusesDuplicateNoteIds() throws IOException, SQLException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", mixedCollectionAfter(
                "CREATE TABLE loose AS SELECT * FROM notes",
                "INSERT INTO loose SELECT * FROM notes WHERE id = 1755520805841",
                "DROP TABLE notes",
                "ALTER TABLE loose RENAME TO notes"));

        assertThat(refusal(zip(entries))).hasMessageContaining("note id 1755520805841 twice");
    }

    @Test
    void refusesViewsWhereTablesBelong() throws IOException, SQLException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", mixedCollectionAfter(
                "ALTER TABLE notes RENAME TO real_notes",
                "CREATE VIEW notes AS WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever)"
                        + " SELECT n AS id, '' AS guid, 0 AS mid, 0 AS mod, '' AS tags, '' AS flds FROM forever"));

        assertThat(refusal(zip(entries))).hasMessageContaining("no table \"notes\"");
    }

    @Test
    void treatsSqlInFieldsAsData() throws IOException, SQLException {
        String injection = "x'); DROP TABLE notes; --";
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", mixedCollectionAfter(
                "UPDATE notes SET flds = '" + injection.replace("'", "''") + "' || char(31) || 'back',"
                        + " tags = ' a''b; DELETE FROM cards; ' WHERE id = 1755520805841"));

        AnkiPackage read = reader().read(zip(entries), ReadLimits.defaults());

        assertThat(read.notes()).filteredOn(note -> note.ankiId() == 1755520805841L).singleElement()
                .satisfies(note -> {
                    assertThat(note.fields()).containsExactly(injection, "back");
                    assertThat(note.tags()).containsExactly("a'b;", "DELETE", "FROM", "cards;");
                });
        assertThat(read.cards()).hasSize(13);
    }

    @Test
    void refusesCardsOfMissingNotes() throws IOException, SQLException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("collection.anki21", mixedCollectionAfter("DELETE FROM notes WHERE id = 1755520805841"));

        assertThat(refusal(zip(entries))).hasMessageContaining("card 1755520805842 belongs to a note");
    }

    @Test
    void refusesUnknownPackageVersion() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("meta", HexFormat.of().parseHex("0804"));

        assertThat(refusal(zip(entries))).hasMessageContaining("format version 4");
    }

    @Test
    void refusesMetaNamingAMissingCollection() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("meta", HexFormat.of().parseHex("0803"));

        assertThat(refusal(zip(entries))).hasMessageContaining("collection.anki21b but does not");
    }

    @Test
    void refusesDamagedMeta() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        entries.put("meta", HexFormat.of().parseHex("08ffff"));

        assertThat(refusal(zip(entries))).hasMessageContaining("damaged");
    }

    @Test
    void readsLatestFormatMediaCompressedWithZstd() throws IOException {
        byte[] image = "not really a png".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = fixture(MUSIC);
        entries.put("media", TestZips.zstd(mediaEntries("chord.png", image.length, sha1(image))));
        entries.put("0", TestZips.zstd(image));

        AnkiPackage read = reader().read(zip(entries), ReadLimits.defaults());

        assertThat(read.format()).isEqualTo(AnkiPackageFormat.LATEST_ANKI21B);
        AnkiMedia media = read.media().getFirst();
        assertThat(media.name()).isEqualTo("chord.png");
        assertThat(media.size()).isEqualTo(image.length);
        try (InputStream bytes = media.open()) {
            assertThat(bytes.readAllBytes()).isEqualTo(image);
        }
    }

    @Test
    void refusesLatestFormatMediaOfWrongSizeOrChecksum() throws IOException {
        byte[] image = "not really a png".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = fixture(MUSIC);
        entries.put("0", TestZips.zstd(image));

        entries.put("media", TestZips.zstd(mediaEntries("chord.png", image.length + 1, sha1(image))));
        assertThat(refusal(zip(entries))).hasMessageContaining("where the map says " + (image.length + 1));

        entries.put("media", TestZips.zstd(mediaEntries("chord.png", image.length, new byte[20])));
        assertThat(refusal(zip(entries))).hasMessageContaining("does not match its checksum");
    }

    @Test
    void refusesMediaEntryThatIsNoLongerThere() throws IOException {
        Map<String, byte[]> entries = fixture(MIXED);
        Path copy = zip(entries);
        AnkiMedia media = reader().read(copy, ReadLimits.defaults()).media().getFirst();
        entries.remove("0");
        TestZips.write(copy, entries);

        DomainException refused = catchThrowableOfType(DomainException.class, media::open);

        assertThat(refused.code()).isEqualTo(ErrorCode.SYNC_002);
    }

    /** {@code MediaEntries { entries { name = 1, size = 2, sha1 = 3 } }}. */
    private static byte[] mediaEntries(String name, int size, byte[] sha1) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream entry = new java.io.ByteArrayOutputStream();
        entry.write(0x0a);
        entry.write(nameBytes.length);
        entry.writeBytes(nameBytes);
        entry.write(0x10);
        entry.write(size);
        entry.write(0x1a);
        entry.write(sha1.length);
        entry.writeBytes(sha1);
        java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
        list.write(0x0a);
        list.write(entry.size());
        list.writeBytes(entry.toByteArray());
        return list.toByteArray();
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
