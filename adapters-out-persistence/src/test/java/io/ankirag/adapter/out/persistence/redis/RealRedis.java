package io.ankirag.adapter.out.persistence.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Connections to the Redis that scripts/infra.sh runs ({@code REDIS_HOST}, {@code REDIS_PORT}), which other test
 * runs share: each test works under a namespace of its own and deletes only that, never the whole database.
 */
final class RealRedis implements AutoCloseable {

    final LettuceConnectionFactory connections;
    final StringRedisTemplate redis;
    final String namespace;

    private RealRedis(String host, int port, String namespace) {
        this.namespace = namespace;
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).shutdownTimeout(Duration.ZERO).build());
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    /** Connections under a fresh namespace. */
    static RealRedis connect() {
        return at(host(), port(), "ankirag-test:" + UUID.randomUUID() + ":");
    }

    /** Another application instance: connections of its own to the same Redis, under the same namespace. */
    RealRedis anotherInstance() {
        return at(host(), port(), namespace);
    }

    /** Nothing listens on port 1: Redis is down. */
    static RealRedis down() {
        return at("127.0.0.1", 1, "ankirag-test:down:");
    }

    /** Every key under this test's namespace. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(namespace + "*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        } catch (RuntimeException unreachable) {
            // Redis is down (the test said so): there is nothing of ours to delete.
        }
        connections.destroy();
    }

    private static RealRedis at(String host, int port, String namespace) {
        return new RealRedis(host, port, namespace);
    }

    private static String host() {
        String host = System.getenv("REDIS_HOST");
        return host == null || host.isBlank() ? "127.0.0.1" : host;
    }

    private static int port() {
        String port = System.getenv("REDIS_PORT");
        return port == null || port.isBlank() ? 6380 : Integer.parseInt(port);
    }
}
