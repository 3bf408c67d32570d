package io.ankirag.application.generation;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A limit as the spec writes it ({@code RATE_LIMIT_GENERATION=10/hour}): so many calls per second, minute, hour or day. */
public record RateLimit(int limit, Duration window) {

    private static final Pattern SPEC = Pattern.compile("^\\s*(\\d+)\\s*/\\s*(\\d*)\\s*(s|sec|second|m|min|minute|h|hour|d|day)s?\\s*$");

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one call");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit's window must be positive");
        }
    }

    /** {@code 10/hour}, {@code 60/minute}, {@code 100/day}, {@code 5/30s}. */
    public static RateLimit parse(String spec) {
        Matcher matcher = SPEC.matcher(spec == null ? "" : spec.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a rate limit such as 10/hour or 60/minute");
        }
        long count = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
        Duration unit = switch (matcher.group(3)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return new RateLimit(Integer.parseInt(matcher.group(1)), unit.multipliedBy(count));
    }
}
