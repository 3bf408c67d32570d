package io.ankirag.application.port.in.health;

import java.util.Map;

public interface SystemHealthQuery {

    enum ProcessorState { RUNNING, STOPPED, ERROR }

    /**
     * @param eventProcessors every Axon event processor (projection) by name
     */
    record SystemHealth(boolean databaseUp, boolean redisUp, Map<String, ProcessorState> eventProcessors) {

        public SystemHealth {
            eventProcessors = Map.copyOf(eventProcessors);
        }

        /** Healthy when storage answers and no projection has stopped on an error. */
        public boolean healthy() {
            return databaseUp && redisUp && !eventProcessors.containsValue(ProcessorState.ERROR);
        }
    }

    SystemHealth health();
}
