package io.ankirag.application.ratelimit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often one user may do one thing: {@code limit} calls per {@code per} (spec 5.8, written {@code 10/hour} in
 * {@code RATE_LIMIT_*}).
 *
 * @param bucket   what is counted, part of the counter's key ({@code generation}, {@code chat})
 * @param activity what the user is told is limited ("Generation is limited to 10 per hour")
 * @param limit    calls allowed in one window, at least 1
 * @param per      the window: seconds, minutes, hours or days
 */
public record RateLimitPolicy(String bucket, String activity, int limit, ChronoUnit per) {

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(second|minute|hour|day)s?\\s*", Pattern.CASE_INSENSITIVE);

    public RateLimitPolicy {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(per, "per");
        if (bucket.isBlank() || activity.isBlank()) {
            throw new IllegalArgumentException("a rate limit needs a bucket and an activity");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 call, not " + limit);
        }
        if (per != ChronoUnit.SECONDS && per != ChronoUnit.MINUTES && per != ChronoUnit.HOURS && per != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("a rate limit counts per second, minute, hour or day, not per " + per);
        }
    }

    /**
     * Reads the spec's syntax, {@code N/second|minute|hour|day} (case and spaces do not matter, a plural unit is
     * accepted), e.g. {@code 10/hour}.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static RateLimitPolicy parse(String bucket, String activity, String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a rate limit is written N/second, N/minute, N/hour or N/day (e.g. 10/hour), not '"
                    + text + "'");
        }
        ChronoUnit per = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "second" -> ChronoUnit.SECONDS;
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return new RateLimitPolicy(bucket, activity, Integer.parseInt(matcher.group(1)), per);
    }

    public Duration window() {
        return per.getDuration();
    }

    /** "10 per hour". */
    public String describe() {
        return limit + " per " + switch (per) {
            case SECONDS -> "second";
            case MINUTES -> "minute";
            case HOURS -> "hour";
            default -> "day";
        };
    }
}
