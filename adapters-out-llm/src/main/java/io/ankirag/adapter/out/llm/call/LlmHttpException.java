package io.ankirag.adapter.out.llm.call;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider answered with a status other than 2xx. Unlike langchain4j's own {@link HttpException} it keeps what
 * the provider asked us to wait ({@code Retry-After}), which langchain4j's mapping to its exception types would
 * otherwise lose; it stays reachable as the root cause of whatever langchain4j wraps it in.
 */
public final class LlmHttpException extends HttpException {

    private final Duration retryAfter;

    LlmHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The wait the provider asked for, when it said one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
