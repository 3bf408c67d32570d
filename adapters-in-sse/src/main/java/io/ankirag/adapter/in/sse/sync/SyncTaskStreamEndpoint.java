package io.ankirag.adapter.in.sse.sync;

import io.ankirag.application.port.in.sync.SyncTaskId;
import io.ankirag.application.port.in.sync.SyncTaskQuery;
import io.ankirag.application.port.in.sync.SyncTaskView;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/sync/tasks/{id}/stream?resume_from=N}: a sync task's {@code progress} (status and counts, a
 * deferred task's retry time), one {@code result} per card as it gets its outcome, and a closing {@code complete}
 * or {@code error}, as Server-Sent Events; the same style as the generation stream. Everything is read from the
 * tasks table, so any instance serves any task; {@code resume_from=N} or {@code Last-Event-ID} skips the first N
 * results. Bearer-authenticated like the rest of the API.
 */
@RestController
class SyncTaskStreamEndpoint {

    private final SyncTaskQuery tasks;
    private final Duration heartbeat;
    private final Duration pollInterval;
    private final Duration timeout;

    SyncTaskStreamEndpoint(SyncTaskQuery tasks,
                           @Value("${ankirag.generation.stream.heartbeat:15s}") Duration heartbeat,
                           @Value("${ankirag.generation.stream.poll-interval:1s}") Duration pollInterval,
                           @Value("${ankirag.generation.stream.timeout:30m}") Duration timeout) {
        this.tasks = tasks;
        this.heartbeat = heartbeat;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @GetMapping(path = "/api/sync/tasks/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal(expression = "id()") UserId caller, @PathVariable UUID id,
                      @RequestParam(name = "resume_from", required = false) String resumeFrom,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SyncTaskId task = new SyncTaskId(id);
        int after = resumeFrom != null ? position(resumeFrom, "resume_from")
                : lastEventId != null ? position(lastEventId, "Last-Event-ID") : 0;
        SyncTaskView first = tasks.task(caller, task); // SYNC_006 as a plain 404 before any event is sent
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        SyncTaskEventStream stream = new SyncTaskEventStream(tasks, caller, task, after, emitter, heartbeat, pollInterval);
        Thread.ofVirtual().name("sync-stream-" + id).start(() -> stream.run(first));
        return emitter;
    }

    private static int position(String value, String name) {
        try {
            int position = Integer.parseInt(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new DomainException(ErrorCode.REQ_002, name + " must be a result number (0 or more)");
    }
}
