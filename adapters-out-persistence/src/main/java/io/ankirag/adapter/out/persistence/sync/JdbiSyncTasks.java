package io.ankirag.adapter.out.persistence.sync;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.instant;
import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.application.port.in.sync.SyncTaskView.Kind;
import io.ankirag.application.port.in.sync.SyncTaskView.Outcome;
import io.ankirag.application.port.in.sync.SyncTaskView.Status;
import io.ankirag.application.port.out.sync.SyncTaskQueuePort;
import io.ankirag.application.port.out.sync.SyncTaskReadModelPort;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The {@code sync_tasks} table: queue, progress and read model of pushes and pulls, on the database's clock like
 * {@link JdbiImportJobs}. Per-card results are a JSONB array appended to as batches finish.
 */
@Component
class JdbiSyncTasks implements SyncTaskQueuePort, SyncTaskReadModelPort {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEW_COLUMNS = """
            id, owner_id, kind, via_agent, card_ids, cards_count, done_count, attempts, error_code, error_detail, not_before,
            created_at, started_at, finished_at,
            CASE WHEN status = 'running' AND lease_until < now() THEN 'queued' ELSE status END AS shown_status
            """;

    /** A result's stored shape, apart from the application's records. */
    record StoredResult(UUID card, String outcome, Long note, String error) {
    }

    private final Jdbi jdbi;

    JdbiSyncTasks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(NewSyncTask task) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_tasks (id, owner_id, kind, via_agent, card_ids, pull_deck, pull_since, status,
                                                cards_count, created_at, updated_at)
                        VALUES (:id, :owner, :kind, :agent, :cards, :deck, :since, 'queued', :count, :at, :at)
                        """)
                .bind("id", task.id().value())
                .bind("owner", task.owner().value())
                .bind("kind", task.kind().name().toLowerCase(Locale.ROOT))
                .bind("agent", task.viaAgent())
                .bindArray("cards", UUID.class, task.cards().stream().map(CardId::value).toList())
                .bind("deck", task.pullDeck())
                .bind("since", task.pullSince() == null ? null : utc(task.pullSince()))
                .bind("count", task.cards().size())
                .bind("at", utc(task.createdAt()))
                .execute());
    }

    @Override
    public Optional<ClaimedSyncTask> claimNext(String worker, Duration lease, UserId agentOf) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE sync_tasks t
                        SET status = 'running', attempts = t.attempts + 1, worker = :worker,
                            lease_until = now() + make_interval(secs => :lease), not_before = NULL,
                            started_at = COALESCE(t.started_at, now()), updated_at = now()
                        FROM (SELECT id FROM sync_tasks
                              WHERE ((status IN ('queued', 'deferred') AND (not_before IS NULL OR not_before <= now()))
                                     OR (status = 'running' AND lease_until < now()))
                                AND via_agent = :agent AND (CAST(:agentOf AS uuid) IS NULL OR owner_id = :agentOf)
                              ORDER BY created_at, id
                              LIMIT 1
                              FOR UPDATE SKIP LOCKED) next
                        WHERE t.id = next.id
                        RETURNING t.id, t.owner_id, t.kind, t.card_ids, t.pull_deck, t.pull_since, t.attempts, t.results
                        """)
                .bind("worker", worker)
                .bind("lease", seconds(lease))
                .bind("agent", agentOf != null)
                .bind("agentOf", agentOf == null ? null : agentOf.value())
                .map((rs, ctx) -> new ClaimedSyncTask(new SyncTaskId(rs.getObject("id", UUID.class)),
                        new UserId(rs.getObject("owner_id", UUID.class)), kind(rs),
                        Arrays.stream((UUID[]) rs.getArray("card_ids").getArray()).map(CardId::new).toList(),
                        rs.getString("pull_deck"), instant(rs, "pull_since"), rs.getInt("attempts"),
                        read(rs.getString("results")).stream().map(CardResult::cardId).filter(java.util.Objects::nonNull)
                                .toList()))
                .findOne());
    }

    @Override
    public boolean renewLease(String worker, Duration lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE sync_tasks SET lease_until = now() + make_interval(secs => :lease)
                        WHERE worker = :worker AND status = 'running'
                        """)
                .bind("worker", worker)
                .bind("lease", seconds(lease))
                .execute()) > 0;
    }

    @Override
    public void progressed(SyncTaskId task, int cardsCount, List<CardResult> newResults) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE sync_tasks SET cards_count = :count, results = results || CAST(:results AS jsonb),
                            done_count = jsonb_array_length(results || CAST(:results AS jsonb)), updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", task.value())
                .bind("count", cardsCount)
                .bind("results", write(newResults))
                .execute());
    }

    @Override
    public void completed(SyncTaskId task) {
        finish(task, "completed", null, null);
    }

    @Override
    public void failed(SyncTaskId task, ErrorCode code, String detail) {
        finish(task, "failed", code, detail);
    }

    private void finish(SyncTaskId task, String status, ErrorCode code, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE sync_tasks SET status = :status, worker = NULL, lease_until = NULL, error_code = :code,
                            error_detail = :detail, finished_at = now(), updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", task.value())
                .bind("status", status)
                .bind("code", code == null ? null : code.name())
                .bind("detail", detail)
                .execute());
    }

    @Override
    public void deferred(SyncTaskId task, Duration after, ErrorCode code, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE sync_tasks
                        SET status = 'deferred', worker = NULL, lease_until = NULL,
                            not_before = now() + make_interval(secs => :after), error_code = :code,
                            error_detail = :detail, updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", task.value())
                .bind("after", seconds(after))
                .bind("code", code.name())
                .bind("detail", detail)
                .execute());
    }

    @Override
    public Optional<Instant> lastPullOf(UserId owner) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT max(started_at) AS last_pull FROM sync_tasks
                        WHERE owner_id = :owner AND kind = 'pull' AND status = 'completed'
                        """)
                .bind("owner", owner.value())
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, "last_pull")))
                .one());
    }

    @Override
    public Optional<SyncTaskView> taskOf(UserId owner, SyncTaskId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VIEW_COLUMNS + ", results FROM sync_tasks"
                        + " WHERE id = :id AND owner_id = :owner")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map((rs, ctx) -> view(rs, read(rs.getString("results"))))
                .findOne());
    }

    @Override
    public Page<SyncTaskView> taskPage(UserId owner, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM sync_tasks WHERE owner_id = :owner")
                    .bind("owner", owner.value())
                    .mapTo(Long.class)
                    .one();
            List<SyncTaskView> items = h.createQuery("SELECT " + VIEW_COLUMNS + " FROM sync_tasks WHERE owner_id = :owner"
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("owner", owner.value())
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> view(rs, List.of()))
                    .list();
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    private static SyncTaskView view(ResultSet rs, List<CardResult> results) throws SQLException {
        String code = rs.getString("error_code");
        return new SyncTaskView(new SyncTaskId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("owner_id", UUID.class)),
                kind(rs), rs.getBoolean("via_agent"), Status.valueOf(rs.getString("shown_status").toUpperCase(Locale.ROOT)),
                Arrays.stream((UUID[]) rs.getArray("card_ids").getArray()).map(CardId::new).toList(), rs.getInt("cards_count"), rs.getInt("done_count"), rs.getInt("attempts"), results,
                code == null ? null : ErrorCode.valueOf(code), rs.getString("error_detail"), instant(rs, "not_before"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Kind kind(ResultSet rs) throws SQLException {
        return Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
    }

    private static String write(List<CardResult> results) {
        try {
            return JSON.writeValueAsString(results.stream().map(r -> new StoredResult(r.cardId() == null ? null : r.cardId().value(),
                    r.outcome().name(), r.ankiNoteId(), r.error())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results are plain values and always serialise", e);
        }
    }

    private static List<CardResult> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<StoredResult>>() { }).stream()
                    .map(r -> new CardResult(r.card() == null ? null : new CardId(r.card()), Outcome.valueOf(r.outcome()),
                            r.note(), r.error()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sync results do not read back", e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
