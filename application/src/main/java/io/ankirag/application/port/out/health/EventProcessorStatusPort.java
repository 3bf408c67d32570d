package io.ankirag.application.port.out.health;

import io.ankirag.application.port.in.health.SystemHealthQuery.ProcessorState;
import java.util.Map;

public interface EventProcessorStatusPort {

    Map<String, ProcessorState> eventProcessors();
}
