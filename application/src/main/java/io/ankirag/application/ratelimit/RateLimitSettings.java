package io.ankirag.application.ratelimit;

import java.util.Objects;

/**
 * The spec's per-user limits (5.8), read from {@code RATE_LIMIT_GENERATION} and {@code RATE_LIMIT_CHAT}.
 *
 * @param generation {@code POST /api/generate}, 10 per hour by default
 * @param chat       chat messages, 60 per hour by default
 */
public record RateLimitSettings(RateLimitPolicy generation, RateLimitPolicy chat) {

    public RateLimitSettings {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(chat, "chat");
    }

    /**
     * Both limits in the spec's syntax ({@code 10/hour}).
     *
     * @throws IllegalArgumentException naming the setting that is malformed
     */
    public static RateLimitSettings parse(String generation, String chat) {
        return new RateLimitSettings(
                parse("RATE_LIMIT_GENERATION", "generation", "Generation", generation),
                parse("RATE_LIMIT_CHAT", "chat", "Chat", chat));
    }

    private static RateLimitPolicy parse(String setting, String bucket, String activity, String text) {
        try {
            return RateLimitPolicy.parse(bucket, activity, text);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(setting + ": " + malformed.getMessage(), malformed);
        }
    }
}
