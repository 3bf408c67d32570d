package io.ankirag.bootstrap.axon;

import io.ankirag.adapter.out.persistence.rag.EmbeddingsProcessingGroup;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes over asynchronous projections: waits until every streaming processor has handled the
 * events stored so far. Projections run in Axon's streaming processors (so they can be replayed), and the
 * embedded event store wakes them on commit, so the wait is normally a few milliseconds. A processor that is
 * replaying or failing is not waited for: its read model is known to be behind anyway. Nor are the eventually
 * consistent projections ({@code ankirag.projections.eventually-consistent}): the search index calls an embedding
 * model, and no write should wait for that.
 */
@Component
class ProjectionBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;
    private final Set<String> eventuallyConsistent;

    ProjectionBarrier(EventStore eventStore, EventProcessingConfiguration processing,
                      @Value("${ankirag.projections.read-your-writes-timeout:5s}") Duration timeout,
                      @Value("${ankirag.projections.eventually-consistent:" + EmbeddingsProcessingGroup.NAME + "}")
                      Set<String> eventuallyConsistent) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
        this.eventuallyConsistent = Set.copyOf(eventuallyConsistent);
    }

    /** Waits for every projection that handles events of {@code eventType} (a sealed event interface, or Object for all). */
    void awaitCatchUp(Class<?> eventType) {
        long head = TrackingPositions.positionOf(eventStore.createHeadToken());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming) || !handles(processor, eventType)
                    || eventuallyConsistent.contains(processor.getName())) {
                continue;
            }
            while (!caughtUp(streaming, head)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} is still behind event {} after {}; answering anyway", streaming.getName(), head, timeout);
                    return;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    private static boolean handles(EventProcessor processor, Class<?> eventType) {
        return !(processor instanceof AbstractEventProcessor known) || known.eventHandlerInvoker().canHandleType(eventType);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        if (!processor.isRunning() || processor.isError() || processor.isReplaying()) {
            return true;
        }
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return false; // no segment claimed yet: the processor is just starting
        }
        for (EventTrackerStatus status : statuses) {
            if (!status.isErrorState() && status.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }
}
