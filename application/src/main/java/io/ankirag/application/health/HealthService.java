package io.ankirag.application.health;

import io.ankirag.application.port.in.health.SystemHealthQuery;
import io.ankirag.application.port.out.health.EventProcessorStatusPort;
import io.ankirag.application.port.out.health.ProbeDatabasePort;
import io.ankirag.application.port.out.health.ProbeRedisPort;

public class HealthService implements SystemHealthQuery {

    private final ProbeDatabasePort database;
    private final ProbeRedisPort redis;
    private final EventProcessorStatusPort processors;

    public HealthService(ProbeDatabasePort database, ProbeRedisPort redis, EventProcessorStatusPort processors) {
        this.database = database;
        this.redis = redis;
        this.processors = processors;
    }

    @Override
    public SystemHealth health() {
        return new SystemHealth(database.databaseReachable(), redis.redisReachable(), processors.eventProcessors());
    }
}
