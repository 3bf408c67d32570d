package io.ankirag.application.replay;

import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase;
import io.ankirag.application.port.out.replay.ReplayProjectionsPort;
import java.util.List;

public class ReplayService implements ReplayReadModelsUseCase {

    private final ReplayProjectionsPort projections;

    public ReplayService(ReplayProjectionsPort projections) {
        this.projections = projections;
    }

    @Override
    public List<ProjectionProgress> startReplay() {
        projections.resetAllProjections();
        return projections.projectionProgress();
    }

    @Override
    public List<ProjectionProgress> replayProgress() {
        return projections.projectionProgress();
    }
}
