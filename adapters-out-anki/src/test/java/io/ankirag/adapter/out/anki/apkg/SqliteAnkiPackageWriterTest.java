package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.anki.AnkiCard;
import io.ankirag.application.anki.AnkiCardTemplate;
import io.ankirag.application.anki.AnkiDeck;
import io.ankirag.application.anki.AnkiMedia;
import io.ankirag.application.anki.AnkiNote;
import io.ankirag.application.anki.AnkiNoteType;
import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.AnkiPackageFormat;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes packages and reads them back with the reader, which is checked against packages Anki wrote. */
class SqliteAnkiPackageWriterTest {

    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};

    @TempDir
    Path folder;

    private final AnkiNoteType basic = new AnkiNoteType(1_700_000_000_001L, "Basic (and reversed)",
            AnkiNoteType.Kind.STANDARD, List.of("Front", "Back"),
            List.of(new AnkiCardTemplate("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
                    new AnkiCardTemplate("Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}")),
            ".card { color: black; }");
    private final AnkiNoteType cloze = new AnkiNoteType(1_700_000_000_002L, "Cloze", AnkiNoteType.Kind.CLOZE,
            List.of("Text", "Back Extra"), List.of(new AnkiCardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")),
            ".card { font-size: 20px; }");
    private final AnkiDeck music = new AnkiDeck(2_000_000_000_001L, List.of("Music"));
    private final AnkiDeck easy = new AnkiDeck(2_000_000_000_002L, List.of("Music", "Easy"));
    private final AnkiNote reversedNote = new AnkiNote(1_600_000_000_001L, "a1b2c3d4e5", basic.ankiId(),
            List.of("Fifth <img src=\"fifth.png\">", "seven semitones"), List.of("music", "interval::fifth"),
            Instant.ofEpochSecond(1_700_000_123L));
    private final AnkiNote clozeNote = new AnkiNote(1_600_000_000_002L, "guid/with+odd chars", cloze.ankiId(),
            List.of("{{c1::C}} {{c2::E}} G is a major triad", ""), List.of(), Instant.ofEpochSecond(1_700_000_456L));

    private AnkiPackage sample() {
        return new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI2, List.of(music, easy), List.of(basic, cloze),
                List.of(reversedNote, clozeNote),
                List.of(new AnkiCard(10, reversedNote.ankiId(), music.ankiId(), 0),
                        new AnkiCard(11, reversedNote.ankiId(), music.ankiId(), 1),
                        new AnkiCard(12, clozeNote.ankiId(), easy.ankiId(), 0),
                        new AnkiCard(13, clozeNote.ankiId(), easy.ankiId(), 1)),
                List.of(new AnkiMedia("fifth.png", IMAGE.length, () -> new ByteArrayInputStream(IMAGE))));
    }

    private Path written(AnkiPackage pkg) {
        Path target = folder.resolve("export.apkg");
        new SqliteAnkiPackageWriter(folder).write(pkg, target);
        return target;
    }

    @Test
    void writesWhatTheReaderReadsBack() throws IOException {
        AnkiPackage read = new ZipAnkiPackageReader(folder).read(written(sample()), ReadLimits.defaults());

        assertThat(read.format()).isEqualTo(AnkiPackageFormat.LEGACY_ANKI2);
        assertThat(read.decks()).containsExactlyInAnyOrder(new AnkiDeck(1, List.of("Default")), music, easy);
        assertThat(read.noteTypes()).containsExactlyInAnyOrder(basic, cloze);
        assertThat(read.notes()).containsExactly(reversedNote, clozeNote);
        assertThat(read.cards()).containsExactlyElementsOf(sample().cards());
        assertThat(read.media()).singleElement().satisfies(media -> {
            assertThat(media.name()).isEqualTo("fifth.png");
            try (InputStream content = media.open()) {
                assertThat(content.readAllBytes()).isEqualTo(IMAGE);
            }
        });
    }

    @Test
    void writesLegacyRowsAsAnkiExportsThem() throws Exception {
        Path pkg = written(sample());
        Path collection = folder.resolve("collection.anki2");
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("collection.anki2", "0", "media");
            assertThat(new String(zip.getInputStream(zip.getEntry("media")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"0\":\"fifth.png\"}");
            java.nio.file.Files.copy(zip.getInputStream(zip.getEntry("collection.anki2")), collection);
        }
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + collection);
             Statement query = sqlite.createStatement()) {
            try (ResultSet note = query.executeQuery("SELECT usn, tags, sfld, csum, mod FROM notes ORDER BY id")) {
                note.next();
                assertThat(note.getInt(1)).isEqualTo(-1);
                assertThat(note.getString(2)).isEqualTo(" music interval::fifth ");
                assertThat(note.getString(3)).isEqualTo("Fifth  fifth.png");
                // Anki keeps the spaces it puts around a media name
                assertThat(note.getLong(4)).isEqualTo(SqliteAnkiPackageWriter.checksum("Fifth  fifth.png"));
                assertThat(note.getLong(5)).isEqualTo(1_700_000_123L);
            }
            try (ResultSet card = query.executeQuery("SELECT usn, type, queue, due FROM cards WHERE id = 13")) {
                card.next();
                assertThat(List.of(card.getInt(1), card.getInt(2), card.getInt(3), card.getInt(4)))
                        .containsExactly(-1, 0, 0, 2);
            }
            try (ResultSet col = query.executeQuery("SELECT ver, dconf FROM col")) {
                col.next();
                assertThat(col.getInt(1)).isEqualTo(11);
                assertThat(col.getString(2)).contains("\"1\"");
            }
        }
    }

    @Test
    void datesANoteTypeByItsLastChangeSoThatAnkiKeepsANewerOneOfItsOwn() throws Exception {
        AnkiNoteType stock = new AnkiNoteType(cloze.ankiId(), cloze.name(), cloze.kind(), cloze.fields(), cloze.templates(),
                cloze.css(), Instant.EPOCH);
        AnkiPackage pkg = sample();
        Path written = written(new AnkiPackage(pkg.format(), pkg.decks(), List.of(basic, stock), pkg.notes(), pkg.cards(),
                pkg.media()));
        Path collection = folder.resolve("collection.anki2");
        try (ZipFile zip = new ZipFile(written.toFile())) {
            java.nio.file.Files.copy(zip.getInputStream(zip.getEntry("collection.anki2")), collection);
        }
        long before = Instant.now().getEpochSecond();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + collection);
             Statement query = sqlite.createStatement();
             ResultSet col = query.executeQuery("SELECT models FROM col")) {
            col.next();
            var models = new com.fasterxml.jackson.databind.ObjectMapper().readTree(col.getString(1));
            assertThat(models.path(Long.toString(cloze.ankiId())).path("mod").asLong()).isZero();
            assertThat(models.path(Long.toString(basic.ankiId())).path("mod").asLong()).as("unknown: when written")
                    .isBetween(before - 60, before + 60);
        }
    }

    @Test
    void computesAnkisFieldChecksum() {
        // sha1("") = da39a3ee…
        assertThat(SqliteAnkiPackageWriter.checksum("")).isEqualTo(0xda39a3eeL);
        assertThat(SqliteAnkiPackageWriter.stripHtml("<b>a</b>&nbsp;&amp; <img src='x.jpg'>")).isEqualTo("a &  x.jpg");
    }

    @Test
    void refusesCardsWhoseNoteIsMissing() {
        AnkiPackage broken = new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI2, List.of(music), List.of(basic),
                List.of(), List.of(new AnkiCard(1, 42, music.ankiId(), 0)), List.of());

        assertThatThrownBy(() -> written(broken)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.REQ_002);
    }
}
