package io.ankirag.adapter.in.sse.sync;

import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskQuery;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.application.port.in.sync.SyncTaskView.CardResult;
import io.ankirag.application.port.in.sync.SyncTaskView.Status;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream of one sync task, on a virtual thread: send what is new, wait the poll interval, read again.
 * Each {@code result} carries its position as the event id, so a client resuming from the last id it saw gets each
 * result once.
 */
final class SyncTaskEventStream {

    record ProgressEvent(String status, int cardsCount, int doneCount, int attempts, Instant retryAt, String message) {
    }

    record ResultEvent(int position, UUID cardId, String outcome, Long ankiNoteId, String error) {
    }

    record CompleteEvent(int cardsCount, long synced, long failed) {
    }

    record ErrorEvent(String message, String code) {
    }

    private static final System.Logger log = System.getLogger(SyncTaskEventStream.class.getName());

    private final SyncTaskQuery tasks;
    private final UserId caller;
    private final SyncTaskId id;
    private final SseEmitter emitter;
    private final Duration heartbeat;
    private final Duration pollInterval;
    private volatile boolean closed;
    private int sent;
    private String lastProgress;

    SyncTaskEventStream(SyncTaskQuery tasks, UserId caller, SyncTaskId id, int after, SseEmitter emitter,
                        Duration heartbeat, Duration pollInterval) {
        this.tasks = tasks;
        this.caller = caller;
        this.id = id;
        this.sent = after;
        this.emitter = emitter;
        this.heartbeat = heartbeat;
        this.pollInterval = pollInterval;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    void run(SyncTaskView first) {
        try {
            SyncTaskView task = first;
            long nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
            while (!closed) {
                if (send(task)) {
                    emitter.complete();
                    return;
                }
                Thread.sleep(pollInterval);
                if (System.nanoTime() >= nextHeartbeat) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
                }
                task = tasks.task(caller, id);
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the stream timed out)
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (DomainException refused) {
            sendQuietly(new ErrorEvent(refused.detail(), refused.code().name()));
            emitter.complete();
        } catch (RuntimeException failed) {
            log.log(System.Logger.Level.WARNING, "Stream of sync task " + id + " failed", failed);
            emitter.completeWithError(failed);
        }
    }

    /** @return whether the task is over and its last event sent */
    private boolean send(SyncTaskView task) throws IOException {
        for (int i = sent; i < task.results().size(); i++) {
            CardResult result = task.results().get(i);
            emitter.send(SseEmitter.event().name("result").id(Integer.toString(i + 1))
                    .data(new ResultEvent(i + 1, result.cardId() == null ? null : result.cardId().value(),
                            lower(result.outcome()), result.ankiNoteId(), result.error()), MediaType.APPLICATION_JSON));
        }
        sent = Math.max(sent, task.results().size());
        String progress = task.status() + "|" + task.doneCount() + "|" + task.cardsCount() + "|" + task.attempts();
        if (!progress.equals(lastProgress)) {
            emitter.send(SseEmitter.event().name("progress").id(Integer.toString(sent))
                    .data(new ProgressEvent(lower(task.status()), task.cardsCount(), task.doneCount(), task.attempts(),
                            task.status() == Status.DEFERRED ? task.notBefore() : null,
                            task.status() == Status.DEFERRED ? task.errorDetail() : null), MediaType.APPLICATION_JSON));
            lastProgress = progress;
        }
        if (task.status() == Status.COMPLETED) {
            long failed = task.results().stream().filter(r -> r.outcome() == SyncTaskView.Outcome.FAILED).count();
            emitter.send(SseEmitter.event().name("complete").id(Integer.toString(sent))
                    .data(new CompleteEvent(task.cardsCount(), task.results().size() - failed, failed),
                            MediaType.APPLICATION_JSON));
            return true;
        }
        if (task.status() == Status.FAILED) {
            emitter.send(SseEmitter.event().name("error").id(Integer.toString(sent))
                    .data(new ErrorEvent(task.errorDetail(), task.errorCode() == null ? null : task.errorCode().name()),
                            MediaType.APPLICATION_JSON));
            return true;
        }
        return false;
    }

    private void sendQuietly(Object data) {
        try {
            emitter.send(SseEmitter.event().name("error").data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // nobody is listening
        }
    }

    private void close() {
        closed = true;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
