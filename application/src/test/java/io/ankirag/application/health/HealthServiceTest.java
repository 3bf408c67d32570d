package io.ankirag.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.in.health.SystemHealthQuery.ProcessorState;
import io.ankirag.application.port.in.health.SystemHealthQuery.SystemHealth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private static SystemHealth healthWhen(boolean databaseUp, boolean redisUp, Map<String, ProcessorState> processors) {
        return new HealthService(() -> databaseUp, () -> redisUp, () -> processors).health();
    }

    @Test
    void healthyWhenStorageAnswersAndEveryProcessorRuns() {
        SystemHealth health = healthWhen(true, true, Map.of("decks", ProcessorState.RUNNING));

        assertThat(health.healthy()).isTrue();
    }

    @Test
    void healthyWithNoProcessorsAtAll() {
        assertThat(healthWhen(true, true, Map.of()).healthy()).isTrue();
    }

    @Test
    void aStoppedProcessorIsNotAnError() {
        assertThat(healthWhen(true, true, Map.of("decks", ProcessorState.STOPPED)).healthy()).isTrue();
    }

    @Test
    void unhealthyWhenTheDatabaseIsDown() {
        assertThat(healthWhen(false, true, Map.of("decks", ProcessorState.RUNNING)).healthy()).isFalse();
    }

    @Test
    void unhealthyWhenRedisIsDown() {
        assertThat(healthWhen(true, false, Map.of("decks", ProcessorState.RUNNING)).healthy()).isFalse();
    }

    @Test
    void unhealthyWhenAnyProcessorIsInError() {
        SystemHealth health = healthWhen(true, true,
                Map.of("decks", ProcessorState.RUNNING, "cards", ProcessorState.ERROR));

        assertThat(health.healthy()).isFalse();
    }

    @Test
    void reportsEachProbeAndProcessorAsFound() {
        SystemHealth health = healthWhen(true, false, Map.of("decks", ProcessorState.ERROR));

        assertThat(health.databaseUp()).isTrue();
        assertThat(health.redisUp()).isFalse();
        assertThat(health.eventProcessors()).containsExactlyEntriesOf(Map.of("decks", ProcessorState.ERROR));
    }
}
