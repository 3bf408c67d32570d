package io.ankirag.application.port.out.replay;

import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase.ProjectionProgress;
import java.util.List;

public interface ReplayProjectionsPort {

    /** Resets every projection to the start of the event store; they rebuild in the background. */
    void resetAllProjections();

    List<ProjectionProgress> projectionProgress();
}
