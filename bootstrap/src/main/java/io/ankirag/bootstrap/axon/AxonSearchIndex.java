package io.ankirag.bootstrap.axon;

import io.ankirag.adapter.out.persistence.rag.EmbeddingsProcessingGroup;
import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase.ProjectionProgress;
import io.ankirag.application.port.out.rag.RebuildSearchIndexPort;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The embeddings projection as a search index: replayed alone, its position told against the event store's head. */
@Component
class AxonSearchIndex implements RebuildSearchIndexPort {

    private final AxonProjectionReplay replay;
    private final EventStore eventStore;

    AxonSearchIndex(AxonProjectionReplay replay, EventStore eventStore) {
        this.replay = replay;
        this.eventStore = eventStore;
    }

    @Override
    public void rebuild() {
        replay.resetProjection(EmbeddingsProcessingGroup.NAME);
    }

    @Override
    public IndexPosition position() {
        long head = TrackingPositions.positionOf(eventStore.createHeadToken());
        ProjectionProgress progress = replay.progressOf(EmbeddingsProcessingGroup.NAME);
        return new IndexPosition(progress.replaying(), progress.position(), head);
    }
}
