package io.ankirag.adapter.in.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.ratelimit.RateLimitExceededException;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class ProblemResponsesTest {

    @Test
    void aRateLimitAnswers429WithRetryAfterInWholeSecondsRoundedUp() {
        var limited = new RateLimitExceededException("Generation is limited to 10 per hour; try again in 37 minutes",
                Duration.ofMinutes(36).plusMillis(1));

        assertThat(ProblemResponses.statusOf(limited.code())).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(ProblemResponses.headersOf(limited).getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2161");
    }

    @Test
    void retryAfterIsNeverZero() {
        assertThat(ProblemResponses.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ProblemResponses.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(ProblemResponses.retryAfterSeconds(Duration.ofSeconds(3600))).isEqualTo(3600);
    }

    @Test
    void otherErrorsHaveNoExtraHeaders() {
        assertThat(ProblemResponses.headersOf(new DomainException(ErrorCode.RATE_001, "no wait known"))).isEmpty();
        assertThat(ProblemResponses.headersOf(new DomainException(ErrorCode.DECK_001, "no such deck"))).isEmpty();
    }
}
