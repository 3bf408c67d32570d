package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Redis pointed at a port where nothing listens: health must say so, with 503. */
@IntegrationTest
@TestPropertySource(properties = "spring.data.redis.port=1")
// A second application on the same database would compete for the projections' tokens: close it after use.
@DirtiesContext
class RedisDownHealthIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsUnavailableWhenRedisIsDown() {
        var health = new ApiClient(port).get("/api/health", null);

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("unhealthy");
        assertThat(health.text("redis")).isEqualTo("unavailable");
        assertThat(health.text("database")).isEqualTo("ok");
    }
}
