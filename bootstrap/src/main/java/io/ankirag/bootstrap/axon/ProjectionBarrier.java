package io.ankirag.bootstrap.axon;

import io.ankirag.adapter.out.persistence.rag.EmbeddingsProcessingGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes over asynchronous projections: waits until every projection that handles the command's
 * events has committed the events stored so far. It reads the projections' tracking tokens from the token
 * store rather than this instance's processors, so it holds whichever instance processes a projection. The
 * embedded event store wakes the processors on commit, so the wait is normally a few milliseconds. A
 * projection that is replaying, or failing in this instance, is not waited for: its read model is known to be
 * behind anyway. Nor are the eventually consistent projections ({@code ankirag.projections.eventually-consistent}):
 * the search index gets its vectors from background workers later anyway, and no write should wait for it.
 */
@Component
class ProjectionBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();
    private static final long MAX_POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration timeout;
    private final Set<String> eventuallyConsistent;

    ProjectionBarrier(EventStore eventStore, EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
                      @Value("${ankirag.projections.read-your-writes-timeout:5s}") Duration timeout,
                      @Value("${ankirag.projections.eventually-consistent:" + EmbeddingsProcessingGroup.NAME + "}")
                      Set<String> eventuallyConsistent) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
        this.eventuallyConsistent = Set.copyOf(eventuallyConsistent);
    }

    /** Waits for every projection that handles events of {@code eventType} (a sealed event interface, or Object for all). */
    void awaitCatchUp(Class<?> eventType) {
        awaitCatchUp(Set.of(eventType), timeout);
    }

    /**
     * Waits for every projection that handles events of any of {@code eventTypes}, allowing 10 ms more per event
     * just stored than for a single command: a big batch takes the projections time in proportion (about 0.1 ms an
     * event on two busy cores; the margin covers a cold start on a loaded machine).
     */
    void awaitCatchUp(Set<Class<?>> eventTypes, int storedEvents) {
        awaitCatchUp(eventTypes, timeout.plusMillis(10L * storedEvents));
    }

    private void awaitCatchUp(Set<Class<?>> eventTypes, Duration timeout) {
        long head = TrackingPositions.positionOf(eventStore.createHeadToken());
        List<String> projections = processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor streaming && !streaming.isError())
                .filter(processor -> !eventuallyConsistent.contains(processor.getName()))
                .filter(processor -> eventTypes.stream().anyMatch(eventType -> handles(processor, eventType)))
                .map(EventProcessor::getName)
                .toList();
        if (head < 0 || projections.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = POLL_NANOS;
        List<String> behind;
        while (!(behind = behind(projections, head)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("Projections {} are still behind event {} after {}; answering anyway", behind, head, timeout);
                return;
            }
            LockSupport.parkNanos(pause);
            // A single command is projected within milliseconds; a big batch takes seconds, and polling the token
            // table every millisecond meanwhile would take the database's time from the projection itself.
            pause = Math.min(MAX_POLL_NANOS, pause * 2);
        }
    }

    private List<String> behind(List<String> projections, long head) {
        Map<String, Boolean> caughtUp = new HashMap<>();
        jdbc.query("SELECT processorname, token, tokentype FROM tokenentry WHERE processorname = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", projections.toArray())),
                row -> {
                    TrackingToken token = token(row.getBytes("token"), row.getString("tokentype"));
                    boolean done = replaying(token) || TrackingPositions.positionOf(token) >= head;
                    caughtUp.merge(row.getString("processorname"), done, Boolean::logicalAnd);
                });
        return projections.stream().filter(name -> !caughtUp.getOrDefault(name, false)).toList();
    }

    /**
     * Still short of the point where its replay began. (Axon keeps a replay token even after that point until
     * the next event, so being a replay token alone does not mean the read model is behind.)
     */
    private static boolean replaying(TrackingToken token) {
        return token instanceof ReplayToken replay
                && TrackingPositions.positionOf(replay.getCurrentToken()) < TrackingPositions.positionOf(replay.getTokenAtReset());
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /** Axon answers whether a handler takes events of that very type, so "any event" (Object) has to be said here. */
    private static boolean handles(EventProcessor processor, Class<?> eventType) {
        return eventType == Object.class || !(processor instanceof AbstractEventProcessor known)
                || known.eventHandlerInvoker().canHandleType(eventType);
    }
}
