package io.ankirag.bootstrap.axon;

import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase.ProjectionProgress;
import io.ankirag.application.port.out.replay.ReplayProjectionsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

/**
 * Replays with Axon's own mechanism: stop the processor, reset its tokens to the tail of the event store
 * (which calls every {@code @ResetHandler}, clearing the tables), start it again.
 */
@Component
class AxonProjectionReplay implements ReplayProjectionsPort {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    AxonProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public synchronized void resetAllProjections() {
        streamingProcessors().forEach(this::reset);
    }

    /** Replays one projection only, leaving the others as they are. */
    synchronized void resetProjection(String name) {
        reset(processor(name));
    }

    ProjectionProgress progressOf(String name) {
        return progressOf(processor(name));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming event processor named " + name));
    }

    private void reset(StreamingEventProcessor processor) {
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new DomainException(ErrorCode.SYS_002, "projection " + processor.getName()
                    + " is being processed by another AnkiRAG instance; replay from that instance or stop it first");
        } finally {
            processor.start();
        }
        awaitReplayStarted(processor);
    }

    /**
     * Until its worker has claimed the reset token, a restarted processor still reports its old, caught-up
     * status; wait for the replay to show, so that progress never reads "done" before it began.
     */
    private void awaitReplayStarted(StreamingEventProcessor processor) {
        if (TrackingPositions.positionOf(eventStore.createHeadToken()) < 0) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processor.processingStatus().values().stream().noneMatch(EventTrackerStatus::isReplaying)
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @Override
    public List<ProjectionProgress> projectionProgress() {
        return streamingProcessors().stream().map(AxonProjectionReplay::progressOf).toList();
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    private static ProjectionProgress progressOf(StreamingEventProcessor processor) {
        long position = -1;
        long until = -1;
        boolean replaying = false;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            position = Math.max(position, status.getCurrentPosition().orElse(-1));
            // Axon keeps the replay token until an event arrives past the reset point, so "reached the reset
            // position" is what done means here.
            long resetAt = status.getResetPosition().orElse(-1);
            if (status.isReplaying() && status.getCurrentPosition().orElse(-1) < resetAt) {
                replaying = true;
                until = Math.max(until, resetAt);
            }
        }
        return new ProjectionProgress(processor.getName(), replaying, position, until);
    }
}
