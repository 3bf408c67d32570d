package io.ankirag.bootstrap.axon;

import io.ankirag.application.port.in.health.SystemHealthQuery.ProcessorState;
import io.ankirag.application.port.out.health.EventProcessorStatusPort;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

@Component
class AxonEventProcessorStatus implements EventProcessorStatusPort {

    private final EventProcessingConfiguration processing;

    AxonEventProcessorStatus(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Map<String, ProcessorState> eventProcessors() {
        Map<String, ProcessorState> states = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> states.put(name, stateOf(processor)));
        return states;
    }

    private static ProcessorState stateOf(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
            return ProcessorState.ERROR;
        }
        return processor.isRunning() ? ProcessorState.RUNNING : ProcessorState.STOPPED;
    }
}
