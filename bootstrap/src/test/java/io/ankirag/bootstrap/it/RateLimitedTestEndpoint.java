package io.ankirag.bootstrap.it;

import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.ratelimit.RateLimitSettings;
import io.ankirag.application.ratelimit.RateLimiter;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only: a call limited like generation (the configured {@code RATE_LIMIT_GENERATION}), through the real
 * RateLimiter, Redis counters and error handling, until the generation endpoint itself exists.
 */
@RestController
class RateLimitedTestEndpoint {

    static final String PATH = "/api/test/rate-limited";

    private final RateLimiter limiter;
    private final RateLimitSettings limits;

    RateLimitedTestEndpoint(RateLimiter limiter, RateLimitSettings limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @PostMapping(PATH)
    Map<String, Integer> call(@AuthenticationPrincipal CurrentUser caller) {
        return Map.of("remaining", limiter.acquire(limits.generation(), caller.id()).remaining());
    }
}
