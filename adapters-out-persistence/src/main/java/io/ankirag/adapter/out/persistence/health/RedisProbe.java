package io.ankirag.adapter.out.persistence.health;

import io.ankirag.application.port.out.health.ProbeRedisPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

@Component
class RedisProbe implements ProbeRedisPort {

    private final RedisConnectionFactory connections;

    RedisProbe(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public boolean redisReachable() {
        try (RedisConnection connection = connections.getConnection()) {
            return "PONG".equalsIgnoreCase(connection.ping());
        } catch (Exception unreachable) {
            return false;
        }
    }
}
