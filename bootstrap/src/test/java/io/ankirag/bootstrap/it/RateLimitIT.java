package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 5.8: over the limit answers 429 {@code RATE_001} with {@code Retry-After}; limits are per user. */
@IntegrationTest
class RateLimitIT extends HttpApiTestBase {

    /** RATE_LIMIT_GENERATION's default. */
    private static final int GENERATIONS_PER_HOUR = 10;

    @Test
    void theCallAfterTheLimitIsRefusedWith429AndRetryAfter() {
        var session = accounts.register();
        List<Integer> remaining = new ArrayList<>();
        for (int call = 0; call < GENERATIONS_PER_HOUR; call++) {
            var allowed = api.post(RateLimitedTestEndpoint.PATH, "{}", session.accessToken());
            assertThat(allowed.status()).isEqualTo(200);
            remaining.add(allowed.body().path("remaining").asInt());
        }

        var refused = api.post(RateLimitedTestEndpoint.PATH, "{}", session.accessToken());

        assertThat(remaining).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.code()).isEqualTo("RATE_001");
        assertThat(refused.text("title")).isEqualTo("Too many requests");
        assertThat(refused.text("detail")).isEqualTo("Generation is limited to 10 per hour; try again in 1 hour");
        assertThat(refused.raw().headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(3500L, 3600L);
    }

    @Test
    void refusedCallsDoNotCountAndOtherUsersHaveTheirOwnLimit() {
        var spender = accounts.register();
        for (int call = 0; call < GENERATIONS_PER_HOUR + 3; call++) {
            api.post(RateLimitedTestEndpoint.PATH, "{}", spender.accessToken());
        }
        var other = accounts.register();

        var othersFirst = api.post(RateLimitedTestEndpoint.PATH, "{}", other.accessToken());

        assertThat(othersFirst.status()).isEqualTo(200);
        assertThat(othersFirst.body().path("remaining").asInt()).isEqualTo(GENERATIONS_PER_HOUR - 1);
        assertThat(api.post(RateLimitedTestEndpoint.PATH, "{}", spender.accessToken()).status()).isEqualTo(429);
    }
}
