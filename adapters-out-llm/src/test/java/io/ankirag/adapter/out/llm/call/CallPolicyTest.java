package io.ankirag.adapter.out.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.RateLimitException;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

    private final CallPolicy policy = new CallPolicy(Duration.ofSeconds(60), 3,
            List.of(Duration.ofMillis(30), Duration.ofMillis(90), Duration.ofMillis(300)), Duration.ofSeconds(1));

    @Test
    void returnsTheFirstSuccessWithItsAttemptNumber() {
        AtomicInteger calls = new AtomicInteger();

        Attempted<String> result = policy.call("LLM test", () -> {
            if (calls.incrementAndGet() < 2) {
                throw LlmFailure.transientFailure("answered HTTP 503", null, null);
            }
            return "ok";
        });

        assertThat(result.value()).isEqualTo("ok");
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void waitsTheConfiguredDelaysBetweenAttempts() {
        List<Long> starts = new ArrayList<>();
        CallPolicy fourAttempts = new CallPolicy(Duration.ofSeconds(1), 4,
                List.of(Duration.ofMillis(30), Duration.ofMillis(90)), Duration.ofSeconds(1));

        assertThatThrownBy(() -> fourAttempts.call("LLM test", () -> {
            starts.add(System.nanoTime());
            throw LlmFailure.transientFailure("timed out after 1000 ms", null, null);
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail())
                .isEqualTo("LLM test failed 4 attempt(s); the last timed out after 1000 ms"));

        assertThat(starts).hasSize(4);
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isBetween(Duration.ofMillis(30), Duration.ofMillis(1000));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isBetween(Duration.ofMillis(90), Duration.ofMillis(1000));
        assertThat(Duration.ofNanos(starts.get(3) - starts.get(2))).as("the last delay repeats")
                .isBetween(Duration.ofMillis(90), Duration.ofMillis(1000));
    }

    @Test
    void aPermanentFailureIsGen001AtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("LLM test", () -> {
            calls.incrementAndGet();
            throw LlmFailure.permanent("answered HTTP 400: bad request");
        })).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GEN_001);
            assertThat(e.detail()).isEqualTo("LLM test answered HTTP 400: bad request");
        });
        assertThat(calls).hasValue(1);
    }

    @Test
    void otherExceptionsPassThroughUntouched() {
        IllegalStateException stop = new IllegalStateException("consumer stopped");

        assertThatThrownBy(() -> policy.call("LLM test", () -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void aRetryAfterLongerThanTheDelayIsWaited() {
        List<Long> starts = new ArrayList<>();

        policy.call("LLM test", () -> {
            starts.add(System.nanoTime());
            if (starts.size() == 1) {
                throw LlmFailure.transientFailure("answered HTTP 429", Duration.ofMillis(400), null);
            }
            return "ok";
        });

        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void judgesAnHttpStatusWrappedByLangchain4j() {
        LlmHttpException status = new LlmHttpException(429, "{\"error\": \"slow down\"}", Duration.ofSeconds(2));

        LlmFailure failure = policy.failure(new RateLimitException(status));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).isEqualTo("answered HTTP 429: {\"error\": \"slow down\"}");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void retriesTimeoutsConnectionFailures408And5xxButNotOther4xx() {
        assertThat(policy.failure(new LlmHttpException(408, "", null)).retryable()).isTrue();
        assertThat(policy.failure(new LlmHttpException(500, "", null)).retryable()).isTrue();
        assertThat(policy.failure(new LlmHttpException(529, "", null)).retryable()).isTrue();
        assertThat(policy.failure(new LlmHttpException(400, "", null)).retryable()).isFalse();
        assertThat(policy.failure(new LlmHttpException(401, "", null)).retryable()).isFalse();
        assertThat(policy.failure(new LlmHttpException(404, "", null)).retryable()).isFalse();
        assertThat(policy.failure(new LlmHttpException(422, "", null)).retryable()).isFalse();
        assertThat(policy.failure(new RuntimeException(new HttpTimeoutException("request timed out"))))
                .satisfies(f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.reason()).isEqualTo("timed out after 60000 ms");
                });
        assertThat(policy.failure(new UncheckedIOException(new ConnectException("Connection refused"))))
                .satisfies(f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.reason()).contains("could not be reached").contains("Connection refused");
                });
        assertThat(policy.failure(new IllegalArgumentException("unexpected"))).satisfies(f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.reason()).isEqualTo("failed: IllegalArgumentException: unexpected");
        });
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(LlmHttpClient.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(LlmHttpClient.parseRetryAfter(" 0.5 ")).contains(Duration.ofMillis(500));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(LlmHttpClient.parseRetryAfter(inTenSeconds)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
        assertThat(LlmHttpClient.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new CallPolicy(Duration.ZERO, 3, List.of(Duration.ofSeconds(1)), Duration.ZERO))
                .hasMessageContaining("SOP_LLM_TIMEOUT must be positive");
        assertThatThrownBy(() -> new CallPolicy(Duration.ofSeconds(1), 0, List.of(), Duration.ZERO))
                .hasMessageContaining("SOP_LLM_MAX_ATTEMPTS must be at least 1");
        assertThatThrownBy(() -> new CallPolicy(Duration.ofSeconds(1), 2, List.of(), Duration.ZERO))
                .hasMessageContaining("retry delays are needed");
    }
}
