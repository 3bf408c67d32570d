package io.ankirag.adapter.in.sse.generation;

import io.ankirag.application.port.in.generation.GenerationJobQuery;
import io.ankirag.application.port.in.generation.GenerationJobQuery.GenerationUpdate;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/generate/stream?job_id=...&resume_from=N} (spec 5.4): a job's {@code progress}, {@code card},
 * {@code complete} and {@code error} events as Server-Sent Events. Everything sent is read from the jobs read model,
 * so any instance can serve any job's stream and a reconnect loses nothing: {@code resume_from=N} (or the
 * {@code Last-Event-ID} header an {@code EventSource} sends by itself) sends every card after card N, once.
 *
 * <p>Authenticated like the rest of the API, with {@code Authorization: Bearer}; the browser's {@code EventSource}
 * cannot set that header, so the web UI reads the stream with {@code fetch} instead. Tokens in query strings would
 * end up in access logs, so none is accepted.
 */
@RestController
class GenerationStreamEndpoint {

    private final GenerationJobQuery jobs;
    private final Duration heartbeat;
    private final Duration pollInterval;
    private final Duration timeout;

    GenerationStreamEndpoint(GenerationJobQuery jobs,
                             @Value("${ankirag.generation.stream.heartbeat:15s}") Duration heartbeat,
                             @Value("${ankirag.generation.stream.poll-interval:1s}") Duration pollInterval,
                             @Value("${ankirag.generation.stream.timeout:30m}") Duration timeout) {
        this.jobs = jobs;
        this.heartbeat = heartbeat;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @GetMapping(path = "/api/generate/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal(expression = "id()") UserId caller,
                      @RequestParam("job_id") UUID jobId,
                      @RequestParam(name = "resume_from", required = false) String resumeFrom,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        GenerationJobId id = new GenerationJobId(jobId);
        int after = resumeFrom != null ? position(resumeFrom, "resume_from") : lastEventId != null ? position(lastEventId, "Last-Event-ID") : 0;
        GenerationUpdate first = jobs.update(caller, id, after); // GEN_003 as a plain 404 before any event is sent
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        JobEventStream stream = new JobEventStream(jobs, caller, id, after, emitter, heartbeat, pollInterval);
        Thread.ofVirtual().name("generation-stream-" + id).start(() -> stream.run(first));
        return emitter;
    }

    /** {@code 3}, or a whole resume token {@code <job id>:3}. */
    private static int position(String value, String name) {
        String number = value.strip();
        int colon = number.lastIndexOf(':');
        if (colon >= 0) {
            number = number.substring(colon + 1);
        }
        try {
            int position = Integer.parseInt(number);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new DomainException(ErrorCode.REQ_002, name + " must be a card number (0 or more) or a resume token");
    }
}
