package io.ankirag.application.ratelimit;

import static io.ankirag.application.fakes.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.out.ratelimit.RateLimitPort;
import io.ankirag.application.port.out.ratelimit.RateLimitPort.Decision;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimitPolicy tenPerHour = RateLimitPolicy.parse("generation", "Generation", "10/hour");
    private final UserId user = new UserId(UUID.randomUUID());

    /** Answers with a fixed decision and remembers what it was asked. */
    private static final class ScriptedCounter implements RateLimitPort {

        final List<String> asked = new ArrayList<>();
        final Decision answer;

        ScriptedCounter(Decision answer) {
            this.answer = answer;
        }

        @Override
        public Decision tryAcquire(String bucket, String subject, int limit, Duration window) {
            asked.add(bucket + " " + subject + " " + limit + " " + window);
            return answer;
        }
    }

    @Test
    void countsTheCallForTheUserUnderThePolicysBucket() {
        ScriptedCounter counter = new ScriptedCounter(new Decision(true, 9, Duration.ZERO));

        Decision decision = new RateLimiter(counter).acquire(tenPerHour, user);

        assertThat(decision.remaining()).isEqualTo(9);
        assertThat(counter.asked).containsExactly("generation " + user.value() + " 10 PT1H");
    }

    @Test
    void refusesWithRate001SayingHowLongToWait() {
        Duration wait = Duration.ofMinutes(36).plusSeconds(1);
        ScriptedCounter counter = new ScriptedCounter(new Decision(false, 0, wait));

        var refusal = refusalOf(() -> new RateLimiter(counter).acquire(tenPerHour, user));

        assertThat(refusal.code()).isEqualTo(ErrorCode.RATE_001);
        assertThat(refusal).isInstanceOf(RateLimitExceededException.class);
        assertThat(((RateLimitExceededException) refusal).retryAfter()).isEqualTo(wait);
        assertThat(refusal.detail()).isEqualTo("Generation is limited to 10 per hour; try again in 37 minutes");
    }

    @Test
    void waitsAreSaidInWholeUnitsRoundedUp() {
        assertThat(RateLimiter.humanize(Duration.ofMillis(1))).isEqualTo("1 second");
        assertThat(RateLimiter.humanize(Duration.ofMillis(44_001))).isEqualTo("45 seconds");
        assertThat(RateLimiter.humanize(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(RateLimiter.humanize(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(RateLimiter.humanize(Duration.ofMinutes(60))).isEqualTo("1 hour");
        assertThat(RateLimiter.humanize(Duration.ofMinutes(124).plusSeconds(1))).isEqualTo("2 hours 5 minutes");
        assertThat(RateLimiter.humanize(Duration.ofHours(23).plusMinutes(59).plusSeconds(59))).isEqualTo("24 hours");
    }
}
