package io.ankirag.adapter.out.llm.call;

import com.fasterxml.jackson.core.JacksonException;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spec 6.5 for every LLM call: each attempt bounded by {@code timeout} (to the first byte of the answer and
 * between its bytes, see {@link LlmHttpClient}), up to {@code maxAttempts} attempts, waiting {@code retryDelays[i]}
 * before attempt {@code i + 2} (the last delay repeats). Retried: timeouts, connection failures, 408, 429 and 5xx.
 * A {@code Retry-After} up to {@code maxRetryAfter} is honoured (the wait is the longer of it and the delay); a
 * longer one ends the call at once, since waiting less would only be refused again. Anything else fails at once.
 * The last failure becomes {@code GEN_001} with a sentence naming the provider and the cause.
 *
 * <p>langchain4j's models are built with {@code maxRetries(0)}: its own retries are exponential with jitter, not
 * configurable in their delays, and blind to {@code Retry-After}.
 */
public final class CallPolicy {

    private static final Logger log = LoggerFactory.getLogger(CallPolicy.class);
    private static final int MAX_BODY_IN_MESSAGE = 300;

    /** One attempt; throws {@link LlmFailure} to be judged, anything else passes through untouched. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run();
    }

    private final Duration timeout;
    private final int maxAttempts;
    private final List<Duration> retryDelays;
    private final Duration maxRetryAfter;

    public CallPolicy(Duration timeout, int maxAttempts, List<Duration> retryDelays, Duration maxRetryAfter) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("SOP_LLM_TIMEOUT must be positive, got " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("SOP_LLM_MAX_ATTEMPTS must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.retryDelays = List.copyOf(retryDelays);
        if (maxAttempts > 1 && this.retryDelays.isEmpty()) {
            throw new IllegalArgumentException("retry delays are needed for more than one attempt");
        }
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public List<Duration> retryDelays() {
        return retryDelays;
    }

    /**
     * Runs {@code attempt} until it succeeds or the policy gives up.
     *
     * @param who names the provider in error sentences, e.g. "LLM openai at http://…/v1 (model gpt-4o)"
     * @throws DomainException {@code GEN_001} when the last attempt failed
     */
    public <T> Attempted<T> call(String who, Attempt<T> attempt) {
        LlmFailure last = null;
        for (int number = 1; number <= maxAttempts; number++) {
            if (last != null) {
                pause(who, waitBefore(who, number, last));
            }
            long started = System.nanoTime();
            try {
                T value = attempt.run();
                return new Attempted<>(value, number, Duration.ofNanos(System.nanoTime() - started));
            } catch (LlmFailure failure) {
                if (!failure.retryable()) {
                    throw new DomainException(ErrorCode.GEN_001, who + " " + failure.reason(), failure);
                }
                last = failure;
                if (number < maxAttempts) {
                    log.warn("{} {} (attempt {} of {}); trying again", who, failure.reason(), number, maxAttempts);
                }
            }
        }
        throw new DomainException(ErrorCode.GEN_001,
                who + " failed " + maxAttempts + " attempt(s); the last " + last.reason(), last);
    }

    private Duration waitBefore(String who, int number, LlmFailure last) {
        Duration delay = retryDelays.get(Math.min(number - 2, retryDelays.size() - 1));
        if (last.retryAfter().isEmpty()) {
            return delay;
        }
        Duration asked = last.retryAfter().get();
        if (asked.compareTo(maxRetryAfter) > 0) {
            throw new DomainException(ErrorCode.GEN_001, who + " " + last.reason() + " and asks to wait "
                    + asked.toSeconds() + " s (Retry-After), longer than the " + maxRetryAfter.toSeconds()
                    + " s this service waits; not retried", last);
        }
        return asked.compareTo(delay) > 0 ? asked : delay;
    }

    private static void pause(String who, Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.GEN_001, who + " was interrupted while waiting to retry");
        }
    }

    /**
     * Judges what an attempt threw (langchain4j wraps the HTTP client's exceptions; the original is in the cause
     * chain) and says why it failed.
     */
    public LlmFailure failure(Throwable thrown) {
        if (thrown instanceof LlmFailure known) {
            return known;
        }
        if (Thread.currentThread().isInterrupted()) {
            return LlmFailure.permanent("was interrupted", thrown);
        }
        LlmHttpException status = find(thrown, LlmHttpException.class);
        if (status != null) {
            int code = status.statusCode();
            String reason = "answered HTTP " + code + describeBody(status.getMessage());
            boolean retryable = code == 408 || code == 429 || code >= 500;
            return retryable
                    ? LlmFailure.transientFailure(reason, status.retryAfter().orElse(null), thrown)
                    : LlmFailure.permanent(reason, thrown);
        }
        if (find(thrown, HttpTimeoutException.class) != null
                || find(thrown, dev.langchain4j.exception.TimeoutException.class) != null) {
            return LlmFailure.transientFailure("timed out after " + timeout.toMillis() + " ms", null, thrown);
        }
        JacksonException malformed = find(thrown, JacksonException.class);
        if (malformed != null) {
            return LlmFailure.permanent("answered malformed JSON: " + malformed.getOriginalMessage(), thrown);
        }
        IOException io = find(thrown, IOException.class);
        if (io != null) {
            return LlmFailure.transientFailure("could not be reached or dropped the connection ("
                    + describe(io) + ")", null, thrown);
        }
        if (find(thrown, UnresolvedAddressException.class) != null) {
            return LlmFailure.transientFailure("could not be reached (unknown host)", null, thrown);
        }
        return LlmFailure.permanent("failed: " + describe(root(thrown)), thrown);
    }

    static String describeBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > MAX_BODY_IN_MESSAGE ? oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…" : oneLine);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <E extends Throwable> E find(Throwable thrown, Class<E> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
