package io.ankirag.adapter.out.persistence.sync;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;
import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

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
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The {@code import_jobs} table: the queue, the progress and the read model of background imports. Leases and
 * due times use the database's clock, the one clock all instances share. Every write but
 * {@link #recordReport} commits on its own; that one joins the caller's transaction (the import's unit), through
 * the Spring-aware Jdbi.
 */
@Component
class JdbiImportJobs implements ImportJobQueuePort, ImportProgressPort, ImportJobReadModelPort {

    private static final String VIEW_COLUMNS = """
            id, owner_id, file_name, file_size, phase, notes_done, notes_total, media_done, media_total, attempts,
            imported_count, updated_count, skipped_count, failed_count, created_decks, created_templates, media_files,
            error_code, error_detail, created_at, started_at, finished_at,
            CASE WHEN status = 'running' AND lease_until < now() THEN 'pending' ELSE status END AS shown_status
            """;

    private final Jdbi jdbi;

    JdbiImportJobs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(NewImportJob job) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO import_jobs (id, owner_id, file_name, file_size, target_deck_id, create_deck, overwrite,
                                                 extra_tags, status, phase, created_at, updated_at)
                        VALUES (:id, :owner, :name, :size, :deck, :createDeck, :overwrite, :tags, 'pending', 'queued', :at, :at)
                        """)
                .bind("id", job.id().value())
                .bind("owner", job.owner().value())
                .bind("name", job.fileName())
                .bind("size", job.fileSize())
                .bind("deck", job.options().targetDeck() == null ? null : job.options().targetDeck().value())
                .bind("createDeck", job.options().createDeck())
                .bind("overwrite", job.options().overwrite())
                .bindArray("tags", String.class, job.options().extraTags())
                .bind("at", utc(job.createdAt()))
                .execute());
    }

    @Override
    public Optional<ClaimedImportJob> claimNext(String worker, Duration lease) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE import_jobs j
                        SET status = 'running', attempts = j.attempts + 1, worker = :worker,
                            lease_until = now() + make_interval(secs => :lease), not_before = NULL,
                            started_at = COALESCE(j.started_at, now()), updated_at = now()
                        FROM (SELECT id FROM import_jobs
                              WHERE (status = 'pending' AND (not_before IS NULL OR not_before <= now()))
                                 OR (status = 'running' AND lease_until < now())
                              ORDER BY created_at, id
                              LIMIT 1
                              FOR UPDATE SKIP LOCKED) next
                        WHERE j.id = next.id
                        RETURNING j.id, j.owner_id, j.target_deck_id, j.create_deck, j.overwrite, j.extra_tags,
                                  j.attempts, j.report
                        """)
                .bind("worker", worker)
                .bind("lease", seconds(lease))
                .map((rs, ctx) -> new ClaimedImportJob(new ImportJobId(rs.getObject("id", UUID.class)),
                        new UserId(rs.getObject("owner_id", UUID.class)), options(rs), rs.getInt("attempts"),
                        rs.getString("report") == null ? null : ImportReportJson.read(rs.getString("report"))))
                .findOne());
    }

    @Override
    public boolean renewLease(String worker, Duration lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE import_jobs SET lease_until = now() + make_interval(secs => :lease)
                        WHERE worker = :worker AND status = 'running'
                        """)
                .bind("worker", worker)
                .bind("lease", seconds(lease))
                .execute()) > 0;
    }

    @Override
    public void recordReport(ImportJobId job, String worker, ImportReport report) {
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE import_jobs SET report = CAST(:report AS jsonb), updated_at = now()
                        WHERE id = :id AND worker = :worker AND status = 'running'
                        """)
                .bind("id", job.value())
                .bind("worker", worker)
                .bind("report", ImportReportJson.write(report))
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("import job " + job + " is no longer held by " + worker);
        }
    }

    @Override
    public void retryLater(ImportJobId job, String worker, Duration after, ErrorCode code, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE import_jobs
                        SET status = 'pending', worker = NULL, lease_until = NULL,
                            not_before = now() + make_interval(secs => :after), phase = 'queued',
                            notes_done = 0, media_done = 0, error_code = :code, error_detail = :detail, updated_at = now()
                        WHERE id = :id AND worker = :worker AND status = 'running'
                        """)
                .bind("id", job.value())
                .bind("worker", worker)
                .bind("after", seconds(after))
                .bind("code", code.name())
                .bind("detail", detail)
                .execute());
    }

    @Override
    public void progressed(ImportJobId job, ImportProgress progress) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE import_jobs SET phase = :phase, notes_done = :notesDone, notes_total = :notesTotal,
                            media_done = :mediaDone, media_total = :mediaTotal, updated_at = now()
                        WHERE id = :id AND status = 'running'
                        """)
                .bind("id", job.value())
                .bind("phase", progress.phase().name().toLowerCase(Locale.ROOT))
                .bind("notesDone", progress.notesDone())
                .bind("notesTotal", progress.notesTotal())
                .bind("mediaDone", progress.mediaDone())
                .bind("mediaTotal", progress.mediaTotal())
                .execute());
    }

    @Override
    public void completed(ImportJobId job, ImportReport report) {
        Outcome outcome = Outcome.of(report);
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE import_jobs
                        SET status = 'completed', phase = 'done', worker = NULL, lease_until = NULL,
                            report = CAST(:report AS jsonb), notes_done = notes_total, media_done = media_total,
                            imported_count = :imported, updated_count = :updated, skipped_count = :skipped,
                            failed_count = :failed, created_decks = :decks, created_templates = :templates,
                            media_files = :media, error_code = NULL, error_detail = NULL,
                            finished_at = now(), updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", job.value())
                .bind("report", ImportReportJson.write(report))
                .bind("imported", outcome.imported())
                .bind("updated", outcome.updated())
                .bind("skipped", outcome.skipped())
                .bind("failed", outcome.failed())
                .bind("decks", outcome.createdDecks())
                .bind("templates", outcome.createdTemplates())
                .bind("media", outcome.media())
                .execute());
    }

    @Override
    public void failed(ImportJobId job, ErrorCode code, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE import_jobs
                        SET status = 'failed', phase = 'done', worker = NULL, lease_until = NULL, error_code = :code,
                            error_detail = :detail, finished_at = now(), updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", job.value())
                .bind("code", code.name())
                .bind("detail", detail)
                .execute());
    }

    @Override
    public Optional<ImportJobView> jobOf(UserId owner, ImportJobId job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VIEW_COLUMNS + ", report FROM import_jobs"
                        + " WHERE id = :id AND owner_id = :owner")
                .bind("id", job.value())
                .bind("owner", owner.value())
                .map((rs, ctx) -> view(rs, rs.getString("report") == null ? null : ImportReportJson.read(rs.getString("report"))))
                .findOne());
    }

    @Override
    public Page<ImportJobView> jobPage(UserId owner, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM import_jobs WHERE owner_id = :owner")
                    .bind("owner", owner.value())
                    .mapTo(Long.class)
                    .one();
            List<ImportJobView> items = h.createQuery("SELECT " + VIEW_COLUMNS + " FROM import_jobs WHERE owner_id = :owner"
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("owner", owner.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> view(rs, null))
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    private static ImportJobView view(ResultSet rs, ImportReport report) throws SQLException {
        Status status = Status.valueOf(rs.getString("shown_status").toUpperCase(Locale.ROOT));
        ImportProgress progress = new ImportProgress(Phase.valueOf(rs.getString("phase").toUpperCase(Locale.ROOT)),
                rs.getInt("notes_done"), rs.getInt("notes_total"), rs.getInt("media_done"), rs.getInt("media_total"));
        Outcome outcome = status != Status.COMPLETED ? null : new Outcome(rs.getInt("imported_count"),
                rs.getInt("updated_count"), rs.getInt("skipped_count"), rs.getInt("failed_count"),
                rs.getInt("created_decks"), rs.getInt("created_templates"), rs.getInt("media_files"));
        String code = rs.getString("error_code");
        return new ImportJobView(new ImportJobId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getString("file_name"), rs.getLong("file_size"), status, progress, rs.getInt("attempts"), outcome,
                status == Status.COMPLETED ? report : null, code == null ? null : ErrorCode.valueOf(code),
                rs.getString("error_detail"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static ImportOptions options(ResultSet rs) throws SQLException {
        UUID deck = rs.getObject("target_deck_id", UUID.class);
        Array tags = rs.getArray("extra_tags");
        return new ImportOptions(deck == null ? null : new DeckId(deck), rs.getBoolean("create_deck"),
                rs.getBoolean("overwrite"), List.of((String[]) tags.getArray()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
