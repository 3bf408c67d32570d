package io.ankirag.application.sync;

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
import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.FailedNote;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.SkippedNote;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.application.port.in.sync.ImportProgress.Phase;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckDescription;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.deck.DeckName;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnkiImportServiceTest {

    static final Path FILE = Path.of("upload.apkg");
    static final AnkiCardTemplate FRONT_BACK = new AnkiCardTemplate("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}");
    static final AnkiNoteType BASIC_PLUS = new AnkiNoteType(100, "Basic+", AnkiNoteType.Kind.STANDARD,
            List.of("Front", "Back"), List.of(FRONT_BACK), ".card { color: red }");
    static final AnkiNoteType CLOZE = new AnkiNoteType(101, "Cloze", AnkiNoteType.Kind.CLOZE, List.of("Text", "Back Extra"),
            List.of(new AnkiCardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")), "");
    static final AnkiNoteType OCCLUSION = new AnkiNoteType(102, "Image Occlusion", AnkiNoteType.Kind.CLOZE,
            List.of("Occlusion", "Image", "Header", "Back Extra", "Comments"),
            List.of(new AnkiCardTemplate("Image Occlusion",
                    "<div style=\"display: none\">{{cloze:Occlusion}}</div><div id=\"image-occlusion-container\">{{Image}}</div>",
                    "{{cloze:Occlusion}}")), "");
    static final AnkiNoteType VOCAB = new AnkiNoteType(103, "Vocabulary", AnkiNoteType.Kind.STANDARD,
            List.of("Word", "Meaning", "Example"),
            List.of(new AnkiCardTemplate("Recognise", "{{Word}}", "{{Meaning}}<br>{{Example}}"),
                    new AnkiCardTemplate("Recall", "{{Meaning}}", "{{Word}}")), ".card { font-size: 30px }");
    static final AnkiNoteType BROKEN = new AnkiNoteType(104, "Broken", AnkiNoteType.Kind.STANDARD, List.of("A"),
            List.of(new AnkiCardTemplate("Card 1", "no field here", "{{A}}")), "");

    final UserId owner = new UserId(UUID.randomUUID());
    final UserId stranger = new UserId(UUID.randomUUID());
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    final InMemoryLibrary library = new InMemoryLibrary();
    AnkiPackage nextPackage;
    final AnkiImportService service = new AnkiImportService(new ReadAnkiPackagePort() {
        @Override
        public AnkiPackage read(Path file, ReadLimits limits) {
            if (nextPackage == null) {
                throw new DomainException(ErrorCode.SYNC_002, "not an Anki package");
            }
            return nextPackage;
        }

        @Override
        public void inspect(Path file, ReadLimits limits) {
            read(file, limits);
        }
    }, library, library, library, library, library, library, ReadLimits.defaults(), clock);

    /** Builds a package: each note gets one card per ordinal in {@code cardsOf}, in the given deck. */
    static final class PackageBuilder {
        final List<AnkiDeck> decks = new ArrayList<>(List.of(new AnkiDeck(1, List.of("Default"))));
        final List<AnkiNoteType> types = new ArrayList<>();
        final List<AnkiNote> notes = new ArrayList<>();
        final List<AnkiCard> cards = new ArrayList<>();
        final List<AnkiMedia> media = new ArrayList<>();

        PackageBuilder deck(long id, String... path) {
            decks.add(new AnkiDeck(id, List.of(path)));
            return this;
        }

        PackageBuilder types(AnkiNoteType... noteTypes) {
            types.addAll(List.of(noteTypes));
            return this;
        }

        PackageBuilder note(long id, AnkiNoteType type, long deck, List<String> fields, String... tags) {
            notes.add(new AnkiNote(id, "guid" + id, type.ankiId(), fields, List.of(tags), Instant.EPOCH));
            cards.add(new AnkiCard(id * 10 + 1, id, deck, 1));
            cards.add(new AnkiCard(id * 10, id, deck, 0));
            return this;
        }

        PackageBuilder media(String name, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            media.add(new AnkiMedia(name, bytes.length, () -> new ByteArrayInputStream(bytes)));
            return this;
        }

        AnkiPackage build() {
            return new AnkiPackage(AnkiPackageFormat.LEGACY_ANKI21, decks, types, notes, cards, media);
        }
    }

    ImportReport importing(AnkiPackage pkg, ImportOptions options) {
        nextPackage = pkg;
        return service.importPackage(owner, FILE, options);
    }

    static ImportOptions defaults() {
        return new ImportOptions(null, true, false, List.of());
    }

    AnkiPackage music() {
        return new PackageBuilder()
                .deck(10, "Music").deck(11, "Music", "Easy").deck(12, "Music", "Hard")
                .types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 11, List.of("C to G?", "perfect 5th"), "easy", "interval")
                .note(2, BASIC_PLUS, 11, List.of("C to E?", "major 3rd"), "easy")
                .note(3, BASIC_PLUS, 12, List.of("C to F#?", "tritone"), "hard")
                .build();
    }

    DeckId existingDeck(String name, DeckId parent) {
        DeckId id = DeckId.newId(clock);
        library.send(new CreateDeck(id, owner, new DeckName(name), DeckDescription.NONE, parent, clock.instant()));
        return id;
    }

    DeckView deckNamed(String name) {
        return library.allDecksOf(owner).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    CardView cardOfNote(long noteId) {
        return library.cardsOf(owner).stream().filter(c -> c.ankiNoteId() == noteId).findFirst().orElseThrow();
    }

    @Test
    void turnsEachNoteIntoOneSyncedCardInTheDeckOfItsFirstCard() {
        ImportReport report = importing(music(), new ImportOptions(null, true, false, List.of("imported")));

        assertThat(report.importedNotes()).isEqualTo(3);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.failed()).isEmpty();
        CardView card = cardOfNote(1);
        assertThat(card.deckId()).isEqualTo(deckNamed("Easy").id());
        assertThat(card.templateId()).isEqualTo(SystemTemplates.BASIC.id());
        assertThat(card.fields()).containsExactly(Map.entry("Front", "C to G?"), Map.entry("Back", "perfect 5th"));
        assertThat(card.tags()).containsExactly("easy", "interval", "imported");
        assertThat(card.origin()).isEqualTo(CardOrigin.IMPORTED);
        assertThat(card.status()).isEqualTo(CardStatus.SYNCED);
        assertThat(card.ankiCardId()).as("the note's first card, ordinal 0").isEqualTo(10L);
        assertThat(card.ankiGuid()).isEqualTo("guid1");
        assertThat(card.ankiNoteTypeId()).as("Anki updates a note only from one of the same note type").isEqualTo(100L);
        assertThat(cardOfNote(3).deckId()).isEqualTo(deckNamed("Hard").id());
        assertThat(library.units).as("decks, templates and cards in one unit").isEqualTo(1);
    }

    @Test
    void createsNestedDecksOnceAndLeavesAnEmptyDefaultDeckOut() {
        ImportReport report = importing(music(), defaults());

        assertThat(report.createdDecks()).isEqualTo(3);
        assertThat(library.allDecksOf(owner)).extracting(DeckView::name).containsExactlyInAnyOrder("Music", "Easy", "Hard");
        DeckId music = deckNamed("Music").id();
        assertThat(deckNamed("Easy").parentId()).isEqualTo(music);
        assertThat(deckNamed("Hard").parentId()).isEqualTo(music);
    }

    @Test
    void mergesWithExistingDecksOfTheSamePathIgnoringCase() {
        DeckId music = existingDeck("music", null);
        existingDeck("Easy", music);

        ImportReport report = importing(music(), defaults());

        assertThat(report.createdDecks()).isEqualTo(1);
        assertThat(library.allDecksOf(owner)).hasSize(3);
        assertThat(deckNamed("Hard").parentId()).isEqualTo(music);
        assertThat(cardOfNote(1).deckId()).isEqualTo(deckNamed("Easy").id());
    }

    @Test
    void importsUnderATargetDeckOrAllIntoItWithoutCreatingDecks() {
        DeckId inbox = existingDeck("Inbox", null);

        importing(music(), new ImportOptions(inbox, true, false, List.of()));
        assertThat(deckNamed("Music").parentId()).isEqualTo(inbox);

        DeckId flat = existingDeck("Flat", null);
        ImportReport intoOne = importing(new PackageBuilder().deck(11, "Elsewhere").types(BASIC_PLUS)
                .note(7, BASIC_PLUS, 11, List.of("Q", "A")).build(), new ImportOptions(flat, false, false, List.of()));
        assertThat(intoOne.createdDecks()).isZero();
        assertThat(cardOfNote(7).deckId()).isEqualTo(flat);
    }

    @Test
    void refusesATargetDeckThatIsNotTheOwnersAndNoDeckAtAll() {
        DeckId foreign = DeckId.newId(clock);
        library.send(new CreateDeck(foreign, stranger, new DeckName("Theirs"), DeckDescription.NONE, null, clock.instant()));

        assertThatThrownBy(() -> importing(music(), new ImportOptions(foreign, true, false, List.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DECK_001));
        assertThatThrownBy(() -> importing(music(), new ImportOptions(null, false, false, List.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002));
        assertThat(library.cards).isEmpty();
    }

    @Test
    void aPackageTheReaderRefusesCreatesNothing() {
        nextPackage = null;

        assertThatThrownBy(() -> service.importPackage(owner, FILE, defaults()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_002));
        assertThat(library.decks).isEmpty();
        assertThat(library.cards).isEmpty();
    }

    @Test
    void mapsClozeToTheSystemClozeAndReportsImageOcclusionNotesAsFailed() {
        ImportReport report = importing(new PackageBuilder().deck(20, "Mixed").types(CLOZE, OCCLUSION)
                .note(1, CLOZE, 20, List.of("In a cloze, {{c1::fields}} are hidden.", "extra"))
                .note(2, OCCLUSION, 20, List.of("{{c1::image-occlusion:rect:left=.1}}", "<img src=\"a.jpg\">", "", "", ""))
                .build(), defaults());

        assertThat(report.importedNotes()).isEqualTo(1);
        assertThat(cardOfNote(1).templateId()).isEqualTo(SystemTemplates.CLOZE.id());
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.noteId()).isEqualTo(2);
            assertThat(failure.code()).isEqualTo(ErrorCode.REQ_002);
            assertThat(failure.detail()).contains("Image Occlusion");
        });
        assertThat(report.createdTemplates()).isZero();
    }

    @Test
    void createsAnOwnTemplateForAnUnknownNoteTypeOnceAndReusesIt() {
        AnkiPackage vocab = new PackageBuilder().deck(30, "Words").types(VOCAB)
                .note(1, VOCAB, 30, List.of("hund", "dog", "Der Hund bellt."))
                .note(2, VOCAB, 30, List.of("katze", "cat"))
                .build();

        ImportReport first = importing(vocab, defaults());

        assertThat(first.createdTemplates()).isEqualTo(1);
        TemplateView template = library.ownTemplateNamed(owner, "Vocabulary").orElseThrow();
        assertThat(template.kind()).isEqualTo(TemplateKind.STANDARD);
        assertThat(template.fields().fields()).extracting(f -> f.name() + ":" + f.required())
                .containsExactly("Word:true", "Meaning:false", "Example:false");
        assertThat(template.cardTypes()).extracting(t -> t.name()).containsExactly("Recognise", "Recall");
        assertThat(template.css()).contains("30px");
        assertThat(cardOfNote(2).fields()).containsEntry("Example", "").containsEntry("Meaning", "cat");
        assertThat(cardOfNote(1).templateId()).isEqualTo(template.id());

        ImportReport again = importing(new PackageBuilder().deck(30, "Words").types(VOCAB)
                .note(3, VOCAB, 30, List.of("maus", "mouse")).build(), defaults());
        assertThat(again.createdTemplates()).isZero();
        assertThat(cardOfNote(3).templateId()).isEqualTo(template.id());
    }

    @Test
    void aNoteTypeTheDomainRefusesFailsItsNotesOnly() {
        ImportReport report = importing(new PackageBuilder().deck(40, "D").types(BROKEN, BASIC_PLUS)
                .note(1, BROKEN, 40, List.of("a"))
                .note(2, BROKEN, 40, List.of("b"))
                .note(3, BASIC_PLUS, 40, List.of("Q", "A"))
                .build(), defaults());

        assertThat(report.importedNotes()).isEqualTo(1);
        assertThat(report.failed()).extracting(FailedNote::noteId).containsExactly(1L, 2L);
        assertThat(report.failed().getFirst().detail()).startsWith("note type 'Broken'").contains("shows no field");
    }

    @Test
    void aNoteTheDomainRefusesIsReportedAndTheOthersImported() {
        ImportReport report = importing(new PackageBuilder().deck(40, "D").types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 40, List.of("", "no front"))
                .note(2, BASIC_PLUS, 40, List.of("Q", "A"), "two words are fine in Anki".split(" "))
                .build(), defaults());

        assertThat(report.importedNotes()).isEqualTo(1);
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.noteId()).isEqualTo(1);
            assertThat(failure.detail()).contains("field 'Front' is required");
        });
    }

    @Test
    void reimportingSkipsNotesAlreadyImported() {
        importing(music(), defaults());

        ImportReport again = importing(music(), defaults());

        assertThat(again.importedNotes()).isZero();
        assertThat(again.createdDecks()).isZero();
        assertThat(again.skipped()).extracting(SkippedNote::noteId).containsExactly(1L, 2L, 3L);
        assertThat(again.skipped().getFirst().reason()).contains("Anki note 1 is already card");
        assertThat(library.cardsOf(owner)).hasSize(3);
    }

    @Test
    void overwriteUpdatesNotesAlreadyImported() {
        importing(music(), defaults());
        CardId before = cardOfNote(1).id();
        AnkiPackage changed = new PackageBuilder()
                .deck(10, "Music").deck(11, "Music", "Easy").deck(12, "Music", "Hard").types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 11, List.of("C to G?", "a perfect fifth"), "easy")
                .build();

        ImportReport report = importing(changed, new ImportOptions(null, true, true, List.of()));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.importedNotes()).isZero();
        assertThat(cardOfNote(1).id()).isEqualTo(before);
        assertThat(cardOfNote(1).fields()).containsEntry("Back", "a perfect fifth");
        assertThat(cardOfNote(1).tags()).containsExactly("easy");
        assertThat(library.cardsOf(owner)).hasSize(3);
    }

    @Test
    void aCardWithTheSameFirstFieldInTheDestinationDeckCountsAsTheSameNote() {
        DeckId music = existingDeck("Music", null);
        DeckId easy = existingDeck("Easy", music);
        CardId manual = CardId.newId(clock);
        library.send(new CreateCard(manual, owner, easy, SystemTemplates.BASIC.id(), SystemTemplates.BASIC.design().fields(),
                Map.of("Front", "C to G?", "Back", "mine"), Tags.NONE, CardOrigin.MANUAL, null, clock.instant()));

        ImportReport skipping = importing(music(), defaults());

        assertThat(skipping.importedNotes()).isEqualTo(2);
        assertThat(skipping.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.noteId()).isEqualTo(1);
            assertThat(skip.reason()).contains("same first field").contains(manual.toString());
        });
        assertThat(library.cards.get(manual).fields()).containsEntry("Back", "mine");
    }

    @Test
    void anotherOwnersCardsNeverCountAsDuplicates() {
        nextPackage = music();
        service.importPackage(stranger, FILE, defaults());

        ImportReport mine = importing(music(), defaults());

        assertThat(mine.importedNotes()).isEqualTo(3);
        assertThat(library.cardsOf(owner)).hasSize(3);
        assertThat(library.cardsOf(stranger)).hasSize(3);
    }

    @Test
    void storesTheMediaPerOwnerUnderTheirAnkiNames() {
        ImportReport report = importing(new PackageBuilder().deck(50, "Pics").types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 50, List.of("<img src=\"cat.jpg\">", "cat"))
                .media("cat.jpg", "JPEG").build(), defaults());

        assertThat(report.media()).isEqualTo(1);
        assertThat(library.media).containsOnlyKeys(owner + "/cat.jpg");
        assertThat(cardOfNote(1).fields()).containsEntry("Front", "<img src=\"cat.jpg\">");
    }

    @Test
    void invalidExtraTagsAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> importing(music(), new ImportOptions(null, true, false, List.of("two words"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002));
        assertThat(library.decks).isEmpty();
    }

    @Test
    void aUnitThatFailsMidwayLeavesNoDeckTemplateCardOrNewMediaFileOfTheImport() {
        DeckId kept = existingDeck("Kept", null);
        library.store(owner, "old.png", new ByteArrayInputStream("before".getBytes(StandardCharsets.UTF_8)));
        library.failNextUnitAfter = 1;
        AnkiPackage pkg = new PackageBuilder().deck(60, "Words", "German").types(VOCAB)
                .note(1, VOCAB, 60, List.of("hund", "dog"))
                .note(2, VOCAB, 60, List.of("katze", "cat"))
                .media("new.png", "PNG").media("old.png", "PNG2")
                .build();

        assertThatThrownBy(() -> importing(pkg, defaults())).isInstanceOf(IllegalStateException.class);

        assertThat(library.allDecksOf(owner)).extracting(DeckView::id).containsExactly(kept);
        assertThat(library.ownTemplateNamed(owner, "Vocabulary")).isEmpty();
        assertThat(library.cardsOf(owner)).isEmpty();
        assertThat(library.media).as("the file it added is gone; the one it replaced stays")
                .containsOnlyKeys(owner + "/old.png");

        ImportReport retry = importing(pkg, defaults());
        assertThat(retry.importedNotes()).isEqualTo(2);
        assertThat(retry.createdDecks()).isEqualTo(2);
        assertThat(retry.createdTemplates()).isEqualTo(1);
    }

    @Test
    void aMediaFileThatCannotBeStoredTakesBackTheFilesStoredBeforeIt() {
        library.refuseMediaNamed = "b.png";

        assertThatThrownBy(() -> importing(new PackageBuilder().deck(70, "Pics").types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 70, List.of("<img src=\"a.png\">", "a"))
                .media("a.png", "A").media("b.png", "B").build(), defaults()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYS_001));

        assertThat(library.media).isEmpty();
        assertThat(library.decks).isEmpty();
        assertThat(library.cards).isEmpty();
    }

    @Test
    void noteTypesOfOneNameGetOneTemplateWhenTheirFieldsAgreeAndTwoWhenNot() {
        AnkiNoteType sameAgain = new AnkiNoteType(200, "Vocabulary", AnkiNoteType.Kind.STANDARD, VOCAB.fields(),
                VOCAB.templates(), "");
        AnkiNoteType shorter = new AnkiNoteType(201, "Vocabulary", AnkiNoteType.Kind.STANDARD, List.of("Word", "Meaning"),
                List.of(new AnkiCardTemplate("Recognise", "{{Word}}", "{{Meaning}}")), "");

        ImportReport report = importing(new PackageBuilder().deck(30, "Words").types(VOCAB, sameAgain, shorter)
                .note(1, VOCAB, 30, List.of("hund", "dog", ""))
                .note(2, sameAgain, 30, List.of("katze", "cat", ""))
                .note(3, shorter, 30, List.of("maus", "mouse"))
                .build(), defaults());

        assertThat(report.createdTemplates()).isEqualTo(2);
        assertThat(cardOfNote(2).templateId()).isEqualTo(cardOfNote(1).templateId());
        assertThat(library.ownTemplateNamed(owner, "Vocabulary (2)")).hasValueSatisfying(template ->
                assertThat(template.id()).isEqualTo(cardOfNote(3).templateId()));
    }

    @Test
    void tellsItsPhasesInOrderAndItsReportInsideTheUnitThatStoresIt() {
        List<ImportProgress> progress = new ArrayList<>();
        List<ImportReport> inUnit = new ArrayList<>();
        List<Integer> cardsSeenInUnit = new ArrayList<>();
        nextPackage = new PackageBuilder().deck(50, "Pics").types(BASIC_PLUS)
                .note(1, BASIC_PLUS, 50, List.of("<img src=\"cat.jpg\">", "cat"))
                .note(2, BASIC_PLUS, 50, List.of("dog", "dog"))
                .media("cat.jpg", "JPEG").build();

        ImportReport report = service.importPackage(owner, FILE, defaults(), new ImportListener() {
            @Override
            public void progressed(ImportProgress p) {
                progress.add(p);
            }

            @Override
            public void beforeCommit(ImportReport r) {
                inUnit.add(r);
                cardsSeenInUnit.add(library.cardsOf(owner).size());
            }
        });

        assertThat(progress).extracting(ImportProgress::phase)
                .containsExactly(Phase.READING, Phase.CARDS, Phase.MEDIA, Phase.SAVING);
        assertThat(progress.getLast()).isEqualTo(new ImportProgress(Phase.SAVING, 2, 2, 1, 1));
        assertThat(progress).extracting(ImportProgress::percent).isSorted();
        assertThat(inUnit).containsExactly(report);
        assertThat(cardsSeenInUnit).containsExactly(2);
    }
}
