package io.ankirag.application.generation;

import io.ankirag.application.ratelimit.RateLimitPolicy;
import io.ankirag.application.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * @param model                the chat model asked for cards (recorded with every card it writes)
 * @param rateLimit            generation requests per user (spec 5.8)
 * @param idempotencyWindow    how long an idempotency key answers the job it started (spec 5.4: 24 hours)
 * @param duplicateThreshold   cosine similarity from which a candidate says what another card says
 * @param contextCards         how many of the learner's related cards the prompt shows the model
 * @param contextThreshold     the least similarity of a related card
 * @param factCheckConcurrency fact-checks of one job running at once
 * @param defaultDeckName      the top-level deck cards go to when the request names none
 */
public record GenerationSettings(String model, RateLimitPolicy rateLimit, Duration idempotencyWindow, double duplicateThreshold,
                                 int contextCards, double contextThreshold, int factCheckConcurrency, String defaultDeckName) {

    public static final String DEFAULT_DECK_NAME = "Generated";

    public GenerationSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(idempotencyWindow, "idempotencyWindow");
        if (factCheckConcurrency < 1) {
            throw new IllegalArgumentException("factCheckConcurrency must be at least 1");
        }
    }

    public static GenerationSettings defaults(String model) {
        return new GenerationSettings(model, RateLimitSettings.parse("10/hour", "60/hour").generation(), Duration.ofHours(24), 0.8, 10, 0.5, 4,
                DEFAULT_DECK_NAME);
    }
}
