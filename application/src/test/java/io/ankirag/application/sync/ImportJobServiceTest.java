package io.ankirag.application.sync;

import static io.ankirag.application.sync.AnkiImportServiceTest.BASIC_PLUS;
import static io.ankirag.application.sync.AnkiImportServiceTest.VOCAB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.anki.AnkiPackage;
import io.ankirag.application.anki.ReadLimits;
import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.application.port.in.sync.ImportJobView.Status;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.application.port.in.sync.ImportProgress.Phase;
import io.ankirag.application.port.in.sync.StartImportUseCase.Finished;
import io.ankirag.application.port.in.sync.StartImportUseCase.Queued;
import io.ankirag.application.port.in.sync.StartImportUseCase.Started;
import io.ankirag.application.port.out.anki.ReadAnkiPackagePort;
import io.ankirag.application.sync.AnkiImportServiceTest.PackageBuilder;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobServiceTest {

    static final long INLINE_MAX = 100;
    static final String WORKER = "instance-a#0";

    @TempDir
    Path folder;

    final UserId owner = new UserId(UUID.randomUUID());
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    final InMemoryLibrary library = new InMemoryLibrary();
    AnkiPackage nextPackage = words();
    boolean looksLikePackage = true;
    InMemoryImportJobs jobs;
    ImportJobService service;

    @BeforeEach
    void wire() {
        jobs = new InMemoryImportJobs(folder);
        ReadAnkiPackagePort reader = new ReadAnkiPackagePort() {
            @Override
            public AnkiPackage read(Path file, ReadLimits limits) {
                if (nextPackage == null) {
                    throw new DomainException(ErrorCode.SYNC_002, "The file is not a zip archive, so not an Anki package.");
                }
                return nextPackage;
            }

            @Override
            public void inspect(Path file, ReadLimits limits) {
                if (!looksLikePackage) {
                    throw new DomainException(ErrorCode.SYNC_002, "The file is not a zip archive, so not an Anki package.");
                }
            }
        };
        AnkiImportService imports = new AnkiImportService(reader, library, library, library, library, library, library,
                ReadLimits.defaults(), clock);
        service = new ImportJobService(imports, jobs, jobs, jobs, jobs,
                new ImportJobSettings(INLINE_MAX, Duration.ofMinutes(1), 3, Duration.ofSeconds(10)), clock);
    }

    static AnkiPackage words() {
        return new PackageBuilder().deck(30, "Words", "German").types(VOCAB, BASIC_PLUS)
                .note(1, VOCAB, 30, List.of("hund", "dog", ""))
                .note(2, VOCAB, 30, List.of("katze", "cat", ""))
                .note(3, BASIC_PLUS, 30, List.of("Q", "A"))
                .media("hund.png", "PNG")
                .build();
    }

    Path upload(int bytes) throws IOException {
        return Files.write(Files.createTempFile(folder, "upload-", ".apkg"), new byte[bytes]);
    }

    static ImportOptions defaults() {
        return new ImportOptions(null, true, false, List.of());
    }

    ImportJobView queue() throws IOException {
        Started started = service.start(owner, upload((int) INLINE_MAX + 1), "words.apkg", defaults());
        assertThat(started).isInstanceOf(Queued.class);
        return ((Queued) started).job();
    }

    @Test
    void aSmallUploadIsImportedAtOnceWithoutAJob() throws IOException {
        Started started = service.start(owner, upload((int) INLINE_MAX), "small.apkg", defaults());

        assertThat(started).isInstanceOfSatisfying(Finished.class, finished ->
                assertThat(finished.report().importedNotes()).isEqualTo(3));
        assertThat(jobs.jobs).isEmpty();
    }

    @Test
    void aLargeUploadIsKeptAndQueuedAndNothingIsImportedUntilAWorkerTakesIt() throws IOException {
        Path upload = upload((int) INLINE_MAX + 1);

        Started started = service.start(owner, upload, "words.apkg", defaults());

        assertThat(started).isInstanceOfSatisfying(Queued.class, queued -> {
            assertThat(queued.job().status()).isEqualTo(Status.PENDING);
            assertThat(queued.job().progress().phase()).isEqualTo(Phase.QUEUED);
            assertThat(queued.job().fileName()).isEqualTo("words.apkg");
            assertThat(queued.job().fileSize()).isEqualTo(INLINE_MAX + 1);
        });
        assertThat(upload).as("taken over: the caller's copy is gone").doesNotExist();
        assertThat(jobs.kept).hasSize(1);
        assertThat(library.cardsOf(owner)).isEmpty();
    }

    @Test
    void optionsAndAnUploadThatCannotBeAPackageAreRefusedBeforeAnythingIsQueued() {
        DeckId unknown = DeckId.newId(clock);
        assertThatThrownBy(() -> service.start(owner, upload((int) INLINE_MAX + 1), "a.apkg",
                new ImportOptions(unknown, true, false, List.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DECK_001));
        looksLikePackage = false;
        assertThatThrownBy(() -> service.start(owner, upload((int) INLINE_MAX + 1), "b.apkg", defaults()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_002));

        assertThat(jobs.jobs).isEmpty();
        assertThat(jobs.kept).isEmpty();
    }

    @Test
    void aWorkerRunsTheJobToTheSameReportAnInlineImportGivesTellingItsProgressOnTheWay() throws IOException {
        ImportJobView queued = queue();

        assertThat(service.runNextJob(WORKER)).isTrue();

        ImportJobView done = service.job(owner, queued.id());
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.report().importedNotes()).isEqualTo(3);
        assertThat(done.report().createdDecks()).isEqualTo(2);
        assertThat(done.report().createdTemplates()).isEqualTo(1);
        assertThat(done.report().media()).isEqualTo(1);
        assertThat(done.outcome().imported()).isEqualTo(3);
        assertThat(done.progress().percent()).isEqualTo(100);
        assertThat(jobs.only().progressHistory).extracting(ImportProgress::phase)
                .containsExactly(Phase.READING, Phase.CARDS, Phase.MEDIA, Phase.SAVING);
        assertThat(library.cardsOf(owner)).hasSize(3);
        assertThat(jobs.kept).as("the upload is discarded once the job is over").isEmpty();
        assertThat(service.runNextJob(WORKER)).as("nothing left to run").isFalse();
    }

    @Test
    void aJobWhoseImportWasStoredBeforeItsWorkerDiedCompletesWithoutImportingAgain() throws IOException {
        ImportJobView queued = queue();
        library.failNextUnitAfter = null;
        assertThat(service.runNextJob(WORKER)).isTrue();
        InMemoryImportJobs.Job job = jobs.only();
        ImportReport stored = job.report;
        // The worker died after the unit committed, before it could say the job was done.
        job.status = Status.RUNNING;
        job.worker = WORKER;
        job.leaseExpired = true;
        library.cards.clear();

        assertThat(service.runNextJob("instance-b#0")).isTrue();

        assertThat(service.job(owner, queued.id()).status()).isEqualTo(Status.COMPLETED);
        assertThat(service.job(owner, queued.id()).report()).isEqualTo(stored);
        assertThat(library.cards).as("not imported a second time").isEmpty();
    }

    @Test
    void aJobWhoseWorkerDiedBeforeTheUnitCommittedIsRunAgainByAnother() throws IOException {
        ImportJobView queued = queue();
        InMemoryImportJobs.Job job = jobs.only();
        job.status = Status.RUNNING;
        job.worker = "instance-a#0";
        job.attempts = 1;
        job.leaseExpired = true;

        assertThat(service.runNextJob("instance-b#0")).isTrue();

        ImportJobView done = service.job(owner, queued.id());
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(library.cardsOf(owner)).hasSize(3);
    }

    @Test
    void aPackageTheReaderRefusesFailsTheJobForGoodWithItsReason() throws IOException {
        ImportJobView queued = queue();
        nextPackage = null;

        service.runNextJob(WORKER);

        ImportJobView failed = service.job(owner, queued.id());
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.errorCode()).isEqualTo(ErrorCode.SYNC_002);
        assertThat(failed.errorDetail()).contains("not a zip");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(jobs.kept).isEmpty();
        assertThat(service.runNextJob(WORKER)).isFalse();
    }

    @Test
    void anAttemptThatFailsMidwayKeepsNothingAndIsTriedAgainLaterUntilTheAttemptsRunOut() throws IOException {
        ImportJobView queued = queue();

        for (int attempt = 1; attempt <= 3; attempt++) {
            library.failNextUnitAfter = 1;
            assertThatThrownBy(() -> service.runNextJob(WORKER)).as("for the worker to log")
                    .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
            ImportJobView now = service.job(owner, queued.id());
            assertThat(library.decks).isEmpty();
            assertThat(library.cards).isEmpty();
            assertThat(library.media).isEmpty();
            assertThat(now.errorCode()).isEqualTo(ErrorCode.SYS_001);
            if (attempt < 3) {
                assertThat(now.status()).isEqualTo(Status.PENDING);
                assertThat(jobs.only().retryAfter).isEqualTo(Duration.ofSeconds(10L * attempt));
            } else {
                assertThat(now.status()).isEqualTo(Status.FAILED);
                assertThat(now.errorDetail()).contains("nothing of it was kept").contains("after 3 attempts");
            }
        }
        assertThat(jobs.kept).isEmpty();
        assertThat(service.runNextJob(WORKER)).isFalse();
    }

    @Test
    void anAttemptThatFailsOnceIsImportedWholeByTheNext() throws IOException {
        ImportJobView queued = queue();
        library.failNextUnitAfter = 2;
        assertThatThrownBy(() -> service.runNextJob(WORKER)).isInstanceOf(IllegalStateException.class);

        service.runNextJob(WORKER);

        ImportJobView done = service.job(owner, queued.id());
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(library.cardsOf(owner)).hasSize(3);
        assertThat(library.allDecksOf(owner)).hasSize(2);
    }

    @Test
    void aJobThatKeepsLosingItsWorkerFailsForGoodWithoutAnotherAttempt() throws IOException {
        ImportJobView queued = queue();
        InMemoryImportJobs.Job job = jobs.only();
        job.status = Status.RUNNING;
        job.worker = "instance-a#0";
        job.attempts = 3;
        job.leaseExpired = true;

        service.runNextJob(WORKER);

        ImportJobView failed = service.job(owner, queued.id());
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.errorDetail()).contains("3 times");
        assertThat(library.cards).isEmpty();
    }

    @Test
    void aWorkerThatLostItsJobToAnotherStoresNothing() throws IOException {
        ImportJobView queued = queue();
        InMemoryImportJobs jobsSpy = jobs;
        library.beforeUnit = () -> {
            // Meanwhile its lease ran out and another worker claimed the job.
            jobsSpy.only().worker = "instance-b#0";
        };

        assertThatThrownBy(() -> service.runNextJob(WORKER)).hasMessageContaining("no longer held by " + WORKER);

        assertThat(library.cards).isEmpty();
        assertThat(library.decks).isEmpty();
        assertThat(service.job(owner, queued.id()).status()).as("still the other worker's").isEqualTo(Status.RUNNING);
    }

    @Test
    void jobsAreTheirOwnersOnly() throws IOException {
        ImportJobView queued = queue();
        UserId stranger = new UserId(UUID.randomUUID());

        assertThatThrownBy(() -> service.job(stranger, queued.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_004));
        assertThat(service.jobs(stranger, new PageRequest(1, 20)).items()).isEmpty();
        assertThat(service.jobs(owner, new PageRequest(1, 20)).items()).extracting(ImportJobView::id).containsExactly(queued.id());
    }
}
