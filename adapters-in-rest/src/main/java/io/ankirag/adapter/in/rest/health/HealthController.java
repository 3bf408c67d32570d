package io.ankirag.adapter.in.rest.health;

import io.ankirag.application.port.in.health.SystemHealthQuery;
import io.ankirag.application.port.in.health.SystemHealthQuery.SystemHealth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "System")
class HealthController {

    record HealthResponse(String status, String database, String redis, Map<String, String> eventProcessors) {
    }

    private final SystemHealthQuery health;

    HealthController(SystemHealthQuery health) {
        this.health = health;
    }

    @GetMapping("/api/health")
    @Operation(summary = "Database, Redis and event processors; 503 when one is down (spec 5.9)")
    ResponseEntity<HealthResponse> health() {
        SystemHealth current = health.health();
        Map<String, String> processors = new TreeMap<>();
        current.eventProcessors().forEach((name, state) -> processors.put(name, state.name().toLowerCase(Locale.ROOT)));
        HealthResponse body = new HealthResponse(
                current.healthy() ? "healthy" : "unhealthy",
                current.databaseUp() ? "ok" : "unavailable",
                current.redisUp() ? "ok" : "unavailable",
                processors);
        return ResponseEntity.status(current.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
