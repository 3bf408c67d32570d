package io.ankirag.adapter.out.persistence.generation;

import static io.ankirag.adapter.out.persistence.jdbc.SqlTimes.utc;

import io.ankirag.application.generation.GenerationSignals;
import io.ankirag.application.port.out.signal.SignalsPort;
import io.ankirag.domain.generation.GenerationJobEvent;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCancelled;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCandidateRejected;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCardProduced;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCompleted;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationDuplicateDropped;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationFailed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationProgressed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRequested;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRunStarted;
import io.ankirag.domain.generation.GenerationRequest;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the generation jobs, the cards and issues of each, and {@code card_generation_info}. Rows keyed by job and
 * number are inserted once ({@code ON CONFLICT DO NOTHING}) and counts are recounted, so a replay is safe. The
 * workers' leases are not part of it and survive a reset.
 *
 * <p>Once a batch is committed it signals each job it touched (and the queue, for new jobs), so that streams and
 * workers on any instance read the news the moment it is there. Signals are best effort: readers poll as well.
 */
@Component
@ProcessingGroup(GenerationProjection.PROCESSING_GROUP)
class GenerationProjection {

    static final String PROCESSING_GROUP = "generation";
    private static final String SIGNALS = GenerationProjection.class.getName() + ".signals";
    private static final Logger log = LoggerFactory.getLogger(GenerationProjection.class);

    private final Jdbi jdbi;
    private final SignalsPort signals;

    /** The signals adapter (Redis) is resolved at first use: the application starts without it. */
    GenerationProjection(Jdbi jdbi, @Lazy SignalsPort signals) {
        this.jdbi = jdbi;
        this.signals = signals;
    }

    @EventHandler
    void on(GenerationJobEvent event, ReplayStatus replay) {
        write(event);
        if (!replay.isReplay()) {
            signalAfterCommit(GenerationSignals.job(event.jobId()));
            if (event instanceof GenerationRequested) {
                signalAfterCommit(GenerationSignals.QUEUE);
            }
        }
    }

    private void signalAfterCommit(String channel) {
        if (!CurrentUnitOfWork.isStarted()) {
            publish(Set.of(channel));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<Set<String>>getOrComputeResource(SIGNALS, key -> {
            Set<String> channels = new LinkedHashSet<>();
            batch.afterCommit(committed -> publish(channels));
            return channels;
        }).add(channel);
    }

    private void publish(Set<String> channels) {
        for (String channel : channels) {
            try {
                signals.publish(channel, "news");
            } catch (RuntimeException unavailable) {
                log.debug("Could not signal {}: {}", channel, unavailable.toString());
            }
        }
    }

    private void write(GenerationJobEvent event) {
        jdbi.useHandle(h -> {
            switch (event) {
                case GenerationRequested requested -> insertJob(h, requested);
                case GenerationRunStarted started -> h.createUpdate("""
                                UPDATE generation_jobs SET status = 'running', runs = :run,
                                    started_at = COALESCE(started_at, :at), updated_at = :at
                                WHERE id = :id AND status IN ('pending', 'running')
                                """)
                        .bind("run", started.run())
                        .bind("at", utc(started.at()))
                        .bind("id", started.jobId().value())
                        .execute();
                case GenerationProgressed progressed -> h.createUpdate(
                                "UPDATE generation_jobs SET message = :message, updated_at = :at WHERE id = :id")
                        .bind("message", progressed.message())
                        .bind("at", utc(progressed.at()))
                        .bind("id", progressed.jobId().value())
                        .execute();
                case GenerationCardProduced produced -> insertCard(h, produced);
                case GenerationDuplicateDropped dropped -> {
                    h.createUpdate("""
                                    INSERT INTO generation_job_issues (job_id, candidate, kind, fields, duplicate_of, similarity, created_at)
                                    VALUES (:job, :candidate, 'duplicate', CAST(:fields AS json), :duplicateOf, :similarity, :at)
                                    ON CONFLICT (job_id, candidate) DO NOTHING
                                    """)
                            .bind("job", dropped.jobId().value())
                            .bind("candidate", dropped.candidate())
                            .bind("fields", GenerationJson.write(dropped.fields()))
                            .bind("duplicateOf", dropped.duplicateOf().value())
                            .bind("similarity", dropped.similarity())
                            .bind("at", utc(dropped.at()))
                            .execute();
                    recount(h, dropped.jobId().value(), dropped.at());
                }
                case GenerationCandidateRejected rejected -> {
                    h.createUpdate("""
                                    INSERT INTO generation_job_issues (job_id, candidate, kind, fields, error_code, reason, created_at)
                                    VALUES (:job, :candidate, 'rejected', CAST(:fields AS json), :code, :reason, :at)
                                    ON CONFLICT (job_id, candidate) DO NOTHING
                                    """)
                            .bind("job", rejected.jobId().value())
                            .bind("candidate", rejected.candidate())
                            .bind("fields", GenerationJson.write(rejected.fields()))
                            .bind("code", rejected.code().name())
                            .bind("reason", rejected.reason())
                            .bind("at", utc(rejected.at()))
                            .execute();
                    recount(h, rejected.jobId().value(), rejected.at());
                }
                case GenerationCompleted completed -> finish(h, completed.jobId().value(), "completed",
                        "Created " + completed.cardsCreated() + (completed.cardsCreated() == 1 ? " card" : " cards"),
                        null, null, completed.at());
                case GenerationFailed failed -> finish(h, failed.jobId().value(), "failed", "Generation failed",
                        failed.code().name(), failed.message(), failed.at());
                case GenerationCancelled cancelled -> finish(h, cancelled.jobId().value(), "cancelled", "Cancelled",
                        null, null, cancelled.at());
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbi.useHandle(h -> h.execute("TRUNCATE generation_jobs, generation_job_cards, generation_job_issues, card_generation_info"));
    }

    private static void insertJob(Handle h, GenerationRequested requested) {
        GenerationRequest request = requested.request();
        h.createUpdate("""
                        INSERT INTO generation_jobs (id, owner_id, status, topic, num_cards, deck_id, prompt_id, prompt_version_id,
                            language, difficulty, fact_check, include_sources, created_at, updated_at)
                        VALUES (:id, :owner, 'pending', :topic, :numCards, :deck, :prompt, :version, :language, :difficulty,
                            :factCheck, :includeSources, :at, :at)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .bind("id", requested.jobId().value())
                .bind("owner", requested.ownerId().value())
                .bind("topic", request.topic())
                .bind("numCards", request.numCards())
                .bind("deck", request.deckId().value())
                .bind("prompt", request.promptId().value())
                .bind("version", request.promptVersionId().value())
                .bind("language", request.language())
                .bind("difficulty", request.difficulty().wireName())
                .bind("factCheck", request.factCheck())
                .bind("includeSources", request.includeSources())
                .bind("at", utc(requested.at()))
                .execute();
    }

    private static void insertCard(Handle h, GenerationCardProduced produced) {
        String factCheck = GenerationJson.factCheck(produced.factCheck());
        h.createUpdate("""
                        INSERT INTO generation_job_cards (job_id, sequence, card_id, template_id, fields, fact_check, created_at)
                        VALUES (:job, :sequence, :card, :template, CAST(:fields AS json), CAST(:factCheck AS jsonb), :at)
                        ON CONFLICT (job_id, sequence) DO NOTHING
                        """)
                .bind("job", produced.jobId().value())
                .bind("sequence", produced.sequence())
                .bind("card", produced.cardId().value())
                .bind("template", produced.templateId().value())
                .bind("fields", GenerationJson.write(produced.fields()))
                .bind("factCheck", factCheck)
                .bind("at", utc(produced.at()))
                .execute();
        h.createUpdate("""
                        INSERT INTO card_generation_info (card_id, job_id, owner_id, prompt_id, prompt_version_id, model,
                            user_request, fact_check_result, created_at)
                        SELECT :card, id, owner_id, prompt_id, prompt_version_id, :model,
                            jsonb_build_object('topic', topic, 'num_cards', num_cards, 'deck_id', deck_id, 'language', language,
                                'difficulty', difficulty, 'fact_check', fact_check, 'include_sources', include_sources),
                            CAST(:factCheck AS jsonb), :at
                        FROM generation_jobs WHERE id = :job
                        ON CONFLICT (card_id) DO NOTHING
                        """)
                .bind("card", produced.cardId().value())
                .bind("model", produced.model())
                .bind("factCheck", factCheck)
                .bind("at", utc(produced.at()))
                .bind("job", produced.jobId().value())
                .execute();
        h.createUpdate("""
                        UPDATE generation_jobs SET cards_created = GREATEST(cards_created, :sequence), updated_at = :at
                        WHERE id = :job
                        """)
                .bind("sequence", produced.sequence())
                .bind("at", utc(produced.at()))
                .bind("job", produced.jobId().value())
                .execute();
    }

    private static void recount(Handle h, UUID job, Instant at) {
        h.createUpdate("""
                        UPDATE generation_jobs SET
                            duplicates_dropped = (SELECT count(*) FROM generation_job_issues WHERE job_id = :job AND kind = 'duplicate'),
                            candidates_failed = (SELECT count(*) FROM generation_job_issues WHERE job_id = :job AND kind = 'rejected'),
                            updated_at = :at
                        WHERE id = :job
                        """)
                .bind("job", job)
                .bind("at", utc(at))
                .execute();
    }

    private static void finish(Handle h, UUID job, String status, String message, String code, String error,
                               Instant at) {
        h.createUpdate("""
                        UPDATE generation_jobs SET status = :status, message = :message, error_code = :code,
                            error_message = :error, finished_at = :at, updated_at = :at
                        WHERE id = :job
                        """)
                .bind("status", status)
                .bind("message", message)
                .bind("code", code)
                .bind("error", error)
                .bind("at", utc(at))
                .bind("job", job)
                .execute();
    }
}
