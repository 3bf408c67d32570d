package io.ankirag.application.sync;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportOptions;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.in.sync.ImportJobView;
import io.ankirag.application.port.in.sync.ImportJobView.Outcome;
import io.ankirag.application.port.in.sync.ImportJobView.Status;
import io.ankirag.application.port.in.sync.ImportProgress;
import io.ankirag.application.port.in.sync.ImportProgress.Phase;
import io.ankirag.application.port.out.sync.ImportJobQueuePort;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job table and the upload folder in memory. Time does not pass here: a job put back for later is due at
 * once, and a lease only ends when a test says its worker died.
 */
final class InMemoryImportJobs implements ImportJobQueuePort, ImportProgressPort, ImportJobReadModelPort, ImportUploadsPort {

    /** One row. */
    static final class Job {
        final ImportJobId id;
        final UserId owner;
        final String fileName;
        final long fileSize;
        final ImportOptions options;
        final Instant createdAt;
        Status status = Status.PENDING;
        ImportProgress progress = ImportProgress.of(Phase.QUEUED);
        final List<ImportProgress> progressHistory = new ArrayList<>();
        int attempts;
        String worker;
        boolean leaseExpired;
        ImportReport report;
        ErrorCode errorCode;
        String errorDetail;
        Duration retryAfter;

        Job(NewImportJob job) {
            id = job.id();
            owner = job.owner();
            fileName = job.fileName();
            fileSize = job.fileSize();
            options = job.options();
            createdAt = job.createdAt();
        }
    }

    final Map<ImportJobId, Job> jobs = new LinkedHashMap<>();
    final Map<ImportJobId, Path> kept = new LinkedHashMap<>();
    private final Path folder;

    InMemoryImportJobs(Path folder) {
        this.folder = folder;
    }

    Job only() {
        return jobs.values().stream().reduce((a, b) -> {
            throw new IllegalStateException("more than one job");
        }).orElseThrow();
    }

    @Override
    public void enqueue(NewImportJob job) {
        jobs.put(job.id(), new Job(job));
    }

    @Override
    public Optional<ClaimedImportJob> claimNext(String worker, Duration lease) {
        Optional<Job> next = jobs.values().stream()
                .filter(job -> job.status == Status.PENDING || job.status == Status.RUNNING && job.leaseExpired)
                .min(Comparator.comparing(job -> job.createdAt));
        next.ifPresent(job -> {
            job.status = Status.RUNNING;
            job.worker = worker;
            job.leaseExpired = false;
            job.attempts++;
        });
        return next.map(job -> new ClaimedImportJob(job.id, job.owner, job.options, job.attempts, job.report));
    }

    @Override
    public boolean renewLease(String worker, Duration lease) {
        return jobs.values().stream().anyMatch(job -> job.status == Status.RUNNING && worker.equals(job.worker));
    }

    @Override
    public void recordReport(ImportJobId id, String worker, ImportReport report) {
        Job job = jobs.get(id);
        if (job.status != Status.RUNNING || !worker.equals(job.worker)) {
            throw new IllegalStateException("import job " + id + " is no longer held by " + worker);
        }
        job.report = report;
    }

    @Override
    public void retryLater(ImportJobId id, String worker, Duration after, ErrorCode code, String detail) {
        Job job = jobs.get(id);
        if (job.status == Status.RUNNING && worker.equals(job.worker)) {
            job.status = Status.PENDING;
            job.worker = null;
            job.retryAfter = after;
            job.errorCode = code;
            job.errorDetail = detail;
        }
    }

    @Override
    public void progressed(ImportJobId id, ImportProgress progress) {
        Job job = jobs.get(id);
        job.progress = progress;
        job.progressHistory.add(progress);
    }

    @Override
    public void completed(ImportJobId id, ImportReport report) {
        Job job = jobs.get(id);
        job.status = Status.COMPLETED;
        job.worker = null;
        job.report = report;
        job.progress = ImportProgress.of(Phase.DONE);
    }

    @Override
    public void failed(ImportJobId id, ErrorCode code, String detail) {
        Job job = jobs.get(id);
        job.status = Status.FAILED;
        job.worker = null;
        job.errorCode = code;
        job.errorDetail = detail;
        job.progress = ImportProgress.of(Phase.DONE);
    }

    @Override
    public Optional<ImportJobView> jobOf(UserId owner, ImportJobId id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(owner)).map(job -> view(job, true));
    }

    @Override
    public Page<ImportJobView> jobPage(UserId owner, PageRequest page) {
        List<ImportJobView> mine = jobs.values().stream().filter(job -> job.owner.equals(owner))
                .sorted(Comparator.comparing((Job job) -> job.createdAt).reversed())
                .map(job -> view(job, false)).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.size()).toList(), mine.size(), page.page(), page.size());
    }

    private static ImportJobView view(Job job, boolean withReport) {
        boolean completed = job.status == Status.COMPLETED;
        return new ImportJobView(job.id, job.owner, job.fileName, job.fileSize, job.status, job.progress, job.attempts,
                completed ? Outcome.of(job.report) : null, completed && withReport ? job.report : null, job.errorCode,
                job.errorDetail, job.createdAt, null, null);
    }

    @Override
    public void keep(ImportJobId job, Path upload) {
        try {
            Path target = folder.resolve(job + ".apkg");
            Files.move(upload, target);
            kept.put(job, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path fileOf(ImportJobId job) {
        Path file = kept.get(job);
        if (file == null) {
            throw new DomainException(ErrorCode.SYS_001, "the uploaded package of import job " + job + " is gone");
        }
        return file;
    }

    @Override
    public void discard(ImportJobId job) {
        Path file = kept.remove(job);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
