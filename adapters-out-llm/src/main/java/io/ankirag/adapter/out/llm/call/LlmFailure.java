package io.ankirag.adapter.out.llm.call;

import java.time.Duration;
import java.util.Optional;

/**
 * Why one attempt at an LLM call failed, as a phrase that completes "the provider …" ("answered HTTP 503: …",
 * "timed out after 60000 ms"), and whether another attempt could succeed. {@link CallPolicy} turns the last one
 * into {@code GEN_001}.
 */
public final class LlmFailure extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    private LlmFailure(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Trying again would change nothing: a 4xx, a malformed answer, an answer that is not the JSON asked for. */
    public static LlmFailure permanent(String reason) {
        return new LlmFailure(reason, false, null, null);
    }

    public static LlmFailure permanent(String reason, Throwable cause) {
        return new LlmFailure(reason, false, null, cause);
    }

    /** Another attempt may succeed: a timeout, a refused connection, 408, 429, 5xx, an overloaded provider. */
    public static LlmFailure transientFailure(String reason, Duration retryAfter, Throwable cause) {
        return new LlmFailure(reason, true, retryAfter, cause);
    }

    /** The same failure, no longer worth retrying (a stream that already delivered part of its answer). */
    public LlmFailure notRetryable(String context) {
        return new LlmFailure(getMessage() + " " + context, false, null, getCause());
    }

    public String reason() {
        return getMessage();
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
