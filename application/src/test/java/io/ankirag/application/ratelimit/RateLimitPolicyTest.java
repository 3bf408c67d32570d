package io.ankirag.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "10/hour, 10, PT1H",
            "60/hour, 60, PT1H",
            "1/second, 1, PT1S",
            "5/minute, 5, PT1M",
            "100/day, 100, PT24H",
            "' 3 / Hours ', 3, PT1H",
    })
    void readsTheSpecsSyntax(String text, int limit, Duration window) {
        RateLimitPolicy policy = RateLimitPolicy.parse("generation", "Generation", text);

        assertThat(policy.limit()).isEqualTo(limit);
        assertThat(policy.window()).isEqualTo(window);
        assertThat(policy.bucket()).isEqualTo("generation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10/week", "ten/hour", "-1/hour", "0/hour", "10/2hours", "10 per hour", "99999999999/hour"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> RateLimitPolicy.parse("generation", "Generation", text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhatIsMeantInWords() {
        assertThat(RateLimitPolicy.parse("chat", "Chat", "60/hour").describe()).isEqualTo("60 per hour");
        assertThat(RateLimitPolicy.parse("chat", "Chat", "2/day").describe()).isEqualTo("2 per day");
    }

    @Test
    void countsOnlyInWholeSecondsMinutesHoursOrDays() {
        assertThatThrownBy(() -> new RateLimitPolicy("generation", "Generation", 10, ChronoUnit.WEEKS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNameTheMalformedVariable() {
        assertThatThrownBy(() -> RateLimitSettings.parse("10/hour", "lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RATE_LIMIT_CHAT: ")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> RateLimitSettings.parse("10/fortnight", "60/hour"))
                .hasMessageStartingWith("RATE_LIMIT_GENERATION: ");
    }

    @Test
    void settingsCarryTheirBuckets() {
        RateLimitSettings settings = RateLimitSettings.parse("10/hour", "60/hour");

        assertThat(settings.generation()).isEqualTo(new RateLimitPolicy("generation", "Generation", 10, ChronoUnit.HOURS));
        assertThat(settings.chat()).isEqualTo(new RateLimitPolicy("chat", "Chat", 60, ChronoUnit.HOURS));
    }
}
