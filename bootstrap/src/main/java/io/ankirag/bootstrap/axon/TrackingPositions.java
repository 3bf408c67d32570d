package io.ankirag.bootstrap.axon;

import org.axonframework.eventhandling.TrackingToken;

/** Event-store positions as plain numbers; {@code -1} stands for "before the first event". */
final class TrackingPositions {

    private TrackingPositions() {
    }

    static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
