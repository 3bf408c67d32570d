package io.ankirag.adapter.out.persistence.generation;

import io.ankirag.application.port.out.generation.GenerationWorkQueuePort;
import io.ankirag.domain.generation.GenerationJobId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Leases over the unfinished jobs of the generation read model. A claim is one statement: it locks the oldest
 * unleased job row with {@code FOR UPDATE SKIP LOCKED} (so concurrent claims pass each other by) and writes the
 * lease; the {@code ON CONFLICT ... WHERE} re-checks the lease against the latest committed one, so two workers
 * never both win the same job.
 */
@Component
class JdbiGenerationWorkQueue implements GenerationWorkQueuePort {

    private final Jdbi jdbi;

    JdbiGenerationWorkQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<GenerationJobId> claimNext(String worker, Duration lease) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH candidate AS (
                            SELECT j.id FROM generation_jobs j
                            LEFT JOIN generation_job_leases l ON l.job_id = j.id
                            WHERE j.status IN ('pending', 'running') AND (l.job_id IS NULL OR l.lease_until < now())
                            ORDER BY j.created_at
                            LIMIT 1
                            FOR UPDATE OF j SKIP LOCKED)
                        INSERT INTO generation_job_leases (job_id, owner, lease_until, claims)
                        SELECT id, :worker, now() + :leaseMillis * INTERVAL '1 millisecond', 1 FROM candidate
                        ON CONFLICT (job_id) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
                            claims = generation_job_leases.claims + 1
                        WHERE generation_job_leases.lease_until < now()
                        RETURNING job_id
                        """)
                .bind("worker", worker)
                .bind("leaseMillis", lease.toMillis())
                .mapTo(UUID.class)
                .findOne()
                .map(GenerationJobId::new));
    }

    @Override
    public boolean renewLease(GenerationJobId job, String worker, Duration lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE generation_job_leases SET lease_until = now() + :leaseMillis * INTERVAL '1 millisecond'
                        WHERE job_id = :job AND owner = :worker
                        """)
                .bind("leaseMillis", lease.toMillis())
                .bind("job", job.value())
                .bind("worker", worker)
                .execute()) == 1;
    }

    @Override
    public void releaseLease(GenerationJobId job, String worker, Duration availableAfter) {
        jdbi.useHandle(h -> {
            if (availableAfter.isZero() || availableAfter.isNegative()) {
                h.createUpdate("DELETE FROM generation_job_leases WHERE job_id = :job AND owner = :worker")
                        .bind("job", job.value())
                        .bind("worker", worker)
                        .execute();
            } else {
                h.createUpdate("""
                                UPDATE generation_job_leases SET lease_until = now() + :afterMillis * INTERVAL '1 millisecond'
                                WHERE job_id = :job AND owner = :worker
                                """)
                        .bind("afterMillis", availableAfter.toMillis())
                        .bind("job", job.value())
                        .bind("worker", worker)
                        .execute();
            }
        });
    }
}
