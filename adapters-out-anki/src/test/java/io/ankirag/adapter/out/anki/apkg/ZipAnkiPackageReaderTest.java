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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages Anki itself wrote, one per format. */
class ZipAnkiPackageReaderTest {

    @TempDir
    Path temporaryFolder;

    private AnkiPackage read(String fixture) {
        AnkiPackage read = new ZipAnkiPackageReader(temporaryFolder).read(Fixtures.apkg(fixture), ReadLimits.defaults());
        assertThat(temporaryFolder).isEmptyDirectory();
        return read;
    }

    private static Map<Long, AnkiNoteType> byId(List<AnkiNoteType> noteTypes) {
        return noteTypes.stream().collect(Collectors.toMap(AnkiNoteType::ankiId, Function.identity()));
    }

    @Test
    void readsMixedLegacyPackageWithClozeImageOcclusionAndMedia() throws IOException {
        AnkiPackage mixed = read("srs-converter--mixed-legacy-2.apkg");

        assertThat(mixed.format()).isEqualTo(AnkiPackageFormat.LEGACY_ANKI21);
        assertThat(mixed.notes()).hasSize(8);
        assertThat(mixed.cards()).hasSize(13);
        assertThat(mixed.decks()).extracting(AnkiDeck::path)
                .containsExactlyInAnyOrder(List.of("Default"), List.of("Test - Mixed Types"));
        assertThat(mixed.cards()).extracting(AnkiCard::deckId).containsOnly(1755501847974L);

        Map<Long, AnkiNoteType> noteTypes = byId(mixed.noteTypes());
        assertThat(noteTypes).hasSize(6);
        AnkiNoteType cloze = noteTypes.get(1681194987410L);
        assertThat(cloze.name()).isEqualTo("Cloze");
        assertThat(cloze.kind()).isEqualTo(AnkiNoteType.Kind.CLOZE);
        assertThat(cloze.fields()).containsExactly("Text", "Back Extra");
        assertThat(cloze.templates()).extracting(AnkiCardTemplate::name).containsExactly("Cloze");
        assertThat(cloze.templates().getFirst().front()).contains("{{cloze:Text}}");
        AnkiNoteType occlusion = noteTypes.get(1722337061626L);
        assertThat(occlusion.name()).isEqualTo("Image Occlusion");
        assertThat(occlusion.kind()).isEqualTo(AnkiNoteType.Kind.CLOZE);
        assertThat(occlusion.fields()).containsExactly("Occlusion", "Image", "Header", "Back Extra", "Comments");
        AnkiNoteType reversed = noteTypes.get(1681194987407L);
        assertThat(reversed.kind()).isEqualTo(AnkiNoteType.Kind.STANDARD);
        assertThat(reversed.templates()).extracting(AnkiCardTemplate::name).containsExactly("Card 1", "Card 2");
        assertThat(reversed.css()).contains(".card");

        AnkiNote basic = mixed.notes().stream().filter(note -> note.ankiId() == 1755520805841L).findFirst().orElseThrow();
        assertThat(basic.guid()).isEqualTo("OM@n*is5-c");
        assertThat(basic.noteTypeId()).isEqualTo(1681194987406L);
        assertThat(basic.fields()).containsExactly("This note is of type \"Basic\"",
                "This is the \"Back\" field of type \"Basic\".");
        assertThat(basic.modified()).isEqualTo(Instant.ofEpochSecond(1755521158L));
        assertThat(mixed.cards()).filteredOn(card -> card.noteId() == 1755521029414L)
                .extracting(AnkiCard::ordinal).containsExactlyInAnyOrder(0, 1, 2);

        AnkiMedia image = mixed.media().getFirst();
        assertThat(mixed.media()).hasSize(1);
        assertThat(image.name()).isEqualTo("paste-ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac.jpg");
        assertThat(image.size()).isEqualTo(10701);
        try (InputStream bytes = image.open()) {
            byte[] jpeg = bytes.readAllBytes();
            assertThat(jpeg).hasSize(10701);
            assertThat(jpeg).startsWith(0xff, 0xd8, 0xff);
        }
        assertThat(mixed.notes()).filteredOn(note -> note.noteTypeId() == occlusion.ankiId())
                .singleElement().satisfies(note -> assertThat(note.fields().get(1)).contains(image.name()));
    }

    @Test
    void readsLatestFormatWithNestedDecks() {
        AnkiPackage music = read("anki-pwa--example_music_intervals.apkg");

        assertThat(music.format()).isEqualTo(AnkiPackageFormat.LATEST_ANKI21B);
        assertThat(music.notes()).hasSize(340);
        assertThat(music.cards()).hasSize(340);
        assertThat(music.media()).isEmpty();
        assertThat(music.decks()).extracting(AnkiDeck::path).containsExactly(
                List.of("Default"),
                List.of("Music Intervals"),
                List.of("Music Intervals", "1/ Easy - major 2nd, 3rd, perfect 5th"),
                List.of("Music Intervals", "2/ Middle - minor 2nd, perfect 4th, 6th, 7th"),
                List.of("Music Intervals", "3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th"),
                List.of("Music Intervals", "4/ Chords - 9th, 11th, 13th"));
        assertThat(music.cards()).filteredOn(card -> card.deckId() == 1741401357763L).hasSize(102);

        AnkiNoteType basicPlus = music.noteTypes().getFirst();
        assertThat(music.noteTypes()).hasSize(1);
        assertThat(basicPlus.ankiId()).isEqualTo(1483568031035L);
        assertThat(basicPlus.name()).isEqualTo("Basic+");
        assertThat(basicPlus.kind()).isEqualTo(AnkiNoteType.Kind.STANDARD);
        assertThat(basicPlus.fields()).containsExactly("Front", "Back");
        assertThat(basicPlus.templates()).singleElement().satisfies(template -> {
            assertThat(template.name()).isEqualTo("Card 1");
            assertThat(template.front()).isEqualTo("{{Front}}");
            assertThat(template.back()).contains("{{FrontSide}}", "<hr id=answer>", "{{Back}}");
        });
        assertThat(basicPlus.css()).contains(".card {");

        AnkiNote first = music.notes().getFirst();
        assertThat(first.ankiId()).isEqualTo(1484237387194L);
        assertThat(first.guid()).isEqualTo("jQ5F>p-)~+");
        assertThat(first.fields()).containsExactly("The perfect 5th of C is...", "<h1>G</h1>");
        assertThat(first.tags()).containsExactly("easy", "interval");
        assertThat(music.notes()).flatExtracting(AnkiNote::tags)
                .containsOnly("easy", "interval", "middle", "hard", "hardcore", "tags");
    }

    @Test
    void readsEmptyLatestPackageNotItsStubCollection() {
        AnkiPackage empty = read("srs-converter--empty-latest.apkg");

        assertThat(empty.format()).isEqualTo(AnkiPackageFormat.LATEST_ANKI21B);
        assertThat(empty.notes()).isEmpty();
        assertThat(empty.cards()).isEmpty();
        assertThat(empty.media()).isEmpty();
        assertThat(empty.decks()).extracting(AnkiDeck::path).containsExactly(List.of("Default"));
        // Its fields and templates tables keep rows of stock note types the export left out; they are not note types.
        assertThat(empty.noteTypes()).isEmpty();
    }

    @Test
    void readsEmptyLegacyPackage() {
        AnkiPackage empty = read("srs-converter--empty-legacy-2.apkg");

        assertThat(empty.format()).isEqualTo(AnkiPackageFormat.LEGACY_ANKI21);
        assertThat(empty.notes()).isEmpty();
        assertThat(empty.media()).isEmpty();
        // A deck export carries only the note types its notes use.
        assertThat(empty.noteTypes()).isEmpty();
        assertThat(empty.decks()).extracting(AnkiDeck::path).containsExactly(List.of("Default"));
    }

    @Test
    void readsCollectionPackage() {
        AnkiPackage collection = read("srs-converter--empty-legacy-2.colpkg");

        assertThat(collection.format()).isEqualTo(AnkiPackageFormat.LEGACY_ANKI21);
        assertThat(collection.notes()).isEmpty();
        assertThat(collection.media()).isEmpty();
        assertThat(collection.noteTypes()).extracting(AnkiNoteType::name)
                .contains("Basic", "Basic (and reversed card)", "Cloze", "Image Occlusion");
        assertThat(collection.decks()).extracting(AnkiDeck::path).contains(List.of("Default"));
    }

    @Test
    void readsOldestFormatWithoutMeta() {
        AnkiPackage vocab = read("anki-pwa--ap_gov_vocab_anki11.apkg");

        assertThat(vocab.format()).isEqualTo(AnkiPackageFormat.LEGACY_ANKI2);
        assertThat(vocab.notes()).hasSize(242);
        assertThat(vocab.cards()).hasSize(484);
        assertThat(vocab.media()).isEmpty();
        assertThat(vocab.decks()).extracting(AnkiDeck::path)
                .containsExactlyInAnyOrder(List.of("Default"), List.of("Gov Vocab"));
        assertThat(vocab.noteTypes()).singleElement().satisfies(noteType -> {
            assertThat(noteType.name()).isEqualTo("Basic (and reversed card)-5a339");
            assertThat(noteType.fields()).containsExactly("Front", "Back");
            assertThat(noteType.templates()).extracting(AnkiCardTemplate::front).containsExactly("{{Front}}", "{{Back}}");
        });
        AnkiNote first = vocab.notes().getFirst();
        assertThat(first.fields()).containsExactly("unalienable", "A human right based on nature or God.");
        assertThat(first.tags()).containsExactly("Ch.2");
        assertThat(vocab.cards()).extracting(AnkiCard::ordinal).containsOnly(0, 1);
    }

    @Test
    void mediaCanBeOpenedAgainAlsoAfterThePackageIsClosed() throws IOException {
        AnkiPackage pkg = read("srs-converter--mixed-legacy-2.apkg");
        AnkiMedia image = pkg.media().getFirst();

        byte[] first;
        try (InputStream bytes = image.open()) {
            first = bytes.readAllBytes();
        }
        try (InputStream bytes = image.open()) {
            assertThat(bytes.readAllBytes()).isEqualTo(first);
        }
        pkg.close();
        try (InputStream bytes = image.open()) {
            assertThat(bytes.readAllBytes()).isEqualTo(first);
        }
        pkg.close();
        assertThat(Files.exists(temporaryFolder)).isTrue();
    }

    @Test
    void inspectionPassesEveryRealPackageAndRefusesWhatCannotBeOneWithoutExtractingAnything() throws IOException {
        ZipAnkiPackageReader reader = new ZipAnkiPackageReader(temporaryFolder);
        for (String fixture : List.of("srs-converter--mixed-legacy-2.apkg", "srs-converter--empty-latest.apkg",
                "srs-converter--empty-legacy-2.colpkg", "anki-pwa--ap_gov_vocab_anki11.apkg")) {
            reader.inspect(Fixtures.apkg(fixture), ReadLimits.defaults());
        }
        Path notAZip = Files.writeString(temporaryFolder.resolve("notes.apkg"), "just text");
        Path empty = Files.write(temporaryFolder.resolve("empty.apkg"), new byte[0]);
        Path noCollection = TestZips.write(temporaryFolder.resolve("media-only.apkg"), Map.of("media", "{}".getBytes()));

        for (Path bad : List.of(notAZip, empty, noCollection)) {
            assertThatThrownBy(() -> reader.inspect(bad, ReadLimits.defaults()))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_002));
        }
        try (var left = Files.list(temporaryFolder)) {
            assertThat(left).containsExactlyInAnyOrder(notAZip, empty, noCollection);
        }
    }
}
