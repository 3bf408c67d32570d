package io.ankirag.application.port.in.replay;

import java.util.List;

/** Rebuilding every read model from the event store: for a schema change, a projection bug, or doubt. */
public interface ReplayReadModelsUseCase {

    /**
     * @param position    events handled so far
     * @param replayUntil the event position the replay must reach; {@code -1} when not replaying
     */
    record ProjectionProgress(String projection, boolean replaying, long position, long replayUntil) {

        /** 0 to 1; 1 when not replaying. */
        public double fraction() {
            if (!replaying || replayUntil <= 0) {
                return 1.0;
            }
            return Math.min(1.0, Math.max(0.0, (double) position / replayUntil));
        }
    }

    /** Clears every read model and starts rebuilding it from the first event; reads answer from partial tables meanwhile. */
    List<ProjectionProgress> startReplay();

    List<ProjectionProgress> replayProgress();
}
