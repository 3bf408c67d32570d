package io.ankirag.adapter.in.sse.generation;

import io.ankirag.application.port.in.generation.GeneratedCardView;
import io.ankirag.application.port.in.generation.GenerationJobQuery;
import io.ankirag.application.port.in.generation.GenerationJobQuery.GenerationUpdate;
import io.ankirag.application.port.in.generation.GenerationJobQuery.JobWatch;
import io.ankirag.application.port.in.generation.GenerationJobView;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.generation.FactCheck;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationStatus;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream of one job, on a virtual thread of its own: send what is new, wait for a signal (or the
 * poll interval), read again. Cards go out in order, each followed by a {@code progress} whose resume token names
 * it, so a client that keeps the last token never misses a card and never gets one twice.
 */
final class JobEventStream {

    record ProgressEvent(int current, int total, String message, String resumeToken) {
    }

    record SourceData(String url, String title) {
    }

    record FactCheckData(String verdict, String explanation, String correction, List<SourceData> sources, String model) {
    }

    record CardEvent(UUID id, int sequence, UUID templateId, Map<String, String> fields, FactCheckData factCheck) {
    }

    /** @param status {@code completed} or {@code cancelled} */
    record CompleteEvent(int totalCreated, int totalFailed, int duplicatesDropped, String status) {
    }

    record ErrorEvent(String message, String code) {
    }

    private static final System.Logger log = System.getLogger(JobEventStream.class.getName());

    private final GenerationJobQuery jobs;
    private final UserId caller;
    private final GenerationJobId id;
    private final SseEmitter emitter;
    private final Duration heartbeat;
    private final Duration pollInterval;
    private final Semaphore news = new Semaphore(0);
    private volatile boolean closed;
    private int last;
    private String lastProgress;

    JobEventStream(GenerationJobQuery jobs, UserId caller, GenerationJobId id, int after, SseEmitter emitter,
                   Duration heartbeat, Duration pollInterval) {
        this.jobs = jobs;
        this.caller = caller;
        this.id = id;
        this.last = after;
        this.emitter = emitter;
        this.heartbeat = heartbeat;
        this.pollInterval = pollInterval;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    void run(GenerationUpdate first) {
        JobWatch watch = null;
        try {
            watch = jobs.watch(caller, id, news::release);
            GenerationUpdate update = first;
            long nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
            while (!closed) {
                if (send(update)) {
                    emitter.complete();
                    return;
                }
                long untilHeartbeat = Math.max(0, nextHeartbeat - System.nanoTime());
                news.tryAcquire(Math.min(pollInterval.toNanos(), untilHeartbeat), TimeUnit.NANOSECONDS);
                news.drainPermits();
                if (closed) {
                    return;
                }
                if (System.nanoTime() >= nextHeartbeat) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
                }
                update = jobs.update(caller, id, last);
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the stream timed out): nothing to tell anyone
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (DomainException refused) {
            sendQuietly("error", new ErrorEvent(refused.detail(), refused.code().name()));
            emitter.complete();
        } catch (RuntimeException failed) {
            log.log(System.Logger.Level.WARNING, "Stream of generation job " + id + " failed", failed);
            emitter.completeWithError(failed);
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    /** @return whether the job has finished and its last event is sent */
    private boolean send(GenerationUpdate update) throws IOException {
        GenerationJobView job = update.job();
        for (GeneratedCardView card : update.newCards()) {
            emitter.send(SseEmitter.event().name("card").id(Integer.toString(card.sequence()))
                    .data(new CardEvent(card.cardId().value(), card.sequence(), card.templateId().value(), card.fields(),
                            factCheck(card.factCheck())), MediaType.APPLICATION_JSON));
            last = card.sequence();
            progress(job, "Card " + last + " of " + job.numCards() + " ready");
            lastProgress = progressKey(job);
        }
        if (!progressKey(job).equals(lastProgress)) {
            progress(job, job.message());
            lastProgress = progressKey(job);
        }
        if (!job.status().finished()) {
            return false;
        }
        if (job.status() == GenerationStatus.FAILED) {
            emitter.send(SseEmitter.event().name("error").id(Integer.toString(last))
                    .data(new ErrorEvent(job.errorMessage(), job.errorCode() == null ? null : job.errorCode().name()),
                            MediaType.APPLICATION_JSON));
        } else {
            emitter.send(SseEmitter.event().name("complete").id(Integer.toString(last))
                    .data(new CompleteEvent(job.cardsCreated(), job.candidatesFailed(), job.duplicatesDropped(),
                            job.status().wireName()), MediaType.APPLICATION_JSON));
        }
        return true;
    }

    private void progress(GenerationJobView job, String message) throws IOException {
        emitter.send(SseEmitter.event().name("progress").id(Integer.toString(last))
                .data(new ProgressEvent(last, job.numCards(), message, id + ":" + last), MediaType.APPLICATION_JSON));
    }

    private String progressKey(GenerationJobView job) {
        return job.status() + "|" + job.message() + "|" + last + "|" + job.duplicatesDropped() + "|" + job.candidatesFailed();
    }

    private void sendQuietly(String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // nobody is listening
        }
    }

    private void close() {
        closed = true;
        news.release();
    }

    private static FactCheckData factCheck(FactCheck check) {
        if (check == null) {
            return null;
        }
        return new FactCheckData(check.verdict().name().toLowerCase(Locale.ROOT), check.explanation(), check.correction(),
                check.sources().stream().map(source -> new SourceData(source.url(), source.title())).toList(), check.model());
    }
}
