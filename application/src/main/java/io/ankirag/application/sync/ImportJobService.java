package io.ankirag.application.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.in.sync.ImportJobQuery;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.application.port.in.sync.RunImportJobsUseCase;
import io.ankirag.application.port.in.sync.StartImportUseCase;
import io.ankirag.application.port.out.sync.ImportJobQueuePort;
import io.ankirag.application.port.out.sync.ImportJobQueuePort.ClaimedImportJob;
import io.ankirag.application.port.out.sync.ImportJobQueuePort.NewImportJob;
import io.ankirag.application.port.out.sync.ImportJobReadModelPort;
import io.ankirag.application.port.out.sync.ImportProgressPort;
import io.ankirag.application.port.out.sync.ImportUploadsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Small uploads are imported at once; large ones become jobs in a durable queue that workers of every instance
 * take from. A job's import is one unit that also stores its report (see {@link ImportListener#beforeCommit}), so
 * a worker that dies before or during the unit leaves nothing, and its job is simply run again; one that dies
 * after it leaves the report, and the next worker only has to say the job completed.
 */
public class ImportJobService implements StartImportUseCase, ImportJobQuery, RunImportJobsUseCase {

    private static final int MAX_FILE_NAME = 255;

    private final AnkiImportService imports;
    private final ImportJobQueuePort queue;
    private final ImportProgressPort progress;
    private final ImportJobReadModelPort jobs;
    private final ImportUploadsPort uploads;
    private final ImportJobSettings settings;
    private final Clock clock;

    public ImportJobService(AnkiImportService imports, ImportJobQueuePort queue, ImportProgressPort progress,
                            ImportJobReadModelPort jobs, ImportUploadsPort uploads, ImportJobSettings settings, Clock clock) {
        this.imports = imports;
        this.queue = queue;
        this.progress = progress;
        this.jobs = jobs;
        this.uploads = uploads;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Started start(UserId owner, Path upload, String fileName, ImportOptions options) {
        imports.checkOptions(owner, options);
        long size = sizeOf(upload);
        if (size <= settings.inlineMaxBytes()) {
            return new Finished(imports.importPackage(owner, upload, options));
        }
        imports.checkLooksLikePackage(upload);
        ImportJobId id = ImportJobId.newId(clock);
        uploads.keep(id, upload);
        try {
            queue.enqueue(new NewImportJob(id, owner, shown(fileName), size, options, clock.instant()));
        } catch (RuntimeException failure) {
            uploads.discard(id);
            throw failure;
        }
        return new Queued(job(owner, id));
    }

    @Override
    public ImportJobView job(UserId owner, ImportJobId id) {
        return jobs.jobOf(owner, id).orElseThrow(() -> new DomainException(ErrorCode.REQ_004, "no import job with id " + id));
    }

    @Override
    public Page<ImportJobView> jobs(UserId owner, PageRequest page) {
        return jobs.jobPage(owner, page);
    }

    @Override
    public boolean runNextJob(String worker) {
        Optional<ClaimedImportJob> claimed = queue.claimNext(worker, settings.lease());
        claimed.ifPresent(job -> run(job, worker));
        return claimed.isPresent();
    }

    @Override
    public void keepAlive(String worker) {
        queue.renewLease(worker, settings.lease());
    }

    @Override
    public Duration keepAliveInterval() {
        return settings.lease().dividedBy(4);
    }

    private void run(ClaimedImportJob job, String worker) {
        if (job.recordedReport() != null) {
            finish(job, job.recordedReport());
            return;
        }
        if (job.attempts() > settings.maxAttempts()) {
            giveUp(job, ErrorCode.SYS_001, "the import stopped " + settings.maxAttempts()
                    + " times without finishing (its server went away); nothing of it was kept");
            return;
        }
        try {
            ImportReport report = imports.importPackage(job.owner(), uploads.fileOf(job.id()), job.options(),
                    new ImportListener() {
                        @Override
                        public void progressed(ImportProgress now) {
                            progress.progressed(job.id(), now);
                        }

                        @Override
                        public void beforeCommit(ImportReport report) {
                            queue.recordReport(job.id(), worker, report);
                        }
                    });
            finish(job, report);
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.SYS_001 || refused.code() == ErrorCode.SYS_002) {
                retryOrGiveUp(job, worker, refused.code(), refused.detail());
            } else {
                giveUp(job, refused.code(), refused.detail());
            }
        } catch (RuntimeException unexpected) {
            retryOrGiveUp(job, worker, ErrorCode.SYS_001, "the import failed and was rolled back: nothing of it was kept");
            throw unexpected;
        }
    }

    /** Our fault or a dependency's: worth another attempt, later, by whichever worker comes first. */
    private void retryOrGiveUp(ClaimedImportJob job, String worker, ErrorCode code, String detail) {
        if (job.attempts() >= settings.maxAttempts()) {
            giveUp(job, code, detail + " (after " + job.attempts() + " attempts)");
        } else {
            queue.retryLater(job.id(), worker, settings.retryDelay().multipliedBy(job.attempts()), code, detail);
        }
    }

    private void finish(ClaimedImportJob job, ImportReport report) {
        progress.completed(job.id(), report);
        uploads.discard(job.id());
    }

    private void giveUp(ClaimedImportJob job, ErrorCode code, String detail) {
        progress.failed(job.id(), code, detail);
        uploads.discard(job.id());
    }

    private static long sizeOf(Path upload) {
        try {
            return Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shown(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.apkg" : fileName.strip().replaceAll("\\p{Cntrl}", "?");
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }
}
