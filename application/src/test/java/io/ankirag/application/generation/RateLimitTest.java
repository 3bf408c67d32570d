package io.ankirag.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void readsTheSpecsNotation() {
        assertThat(RateLimit.parse("10/hour")).isEqualTo(new RateLimit(10, Duration.ofHours(1)));
        assertThat(RateLimit.parse(" 60 / minute ")).isEqualTo(new RateLimit(60, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("100/day")).isEqualTo(new RateLimit(100, Duration.ofDays(1)));
        assertThat(RateLimit.parse("5/30s")).isEqualTo(new RateLimit(5, Duration.ofSeconds(30)));
        assertThat(RateLimit.parse("3/2hours")).isEqualTo(new RateLimit(3, Duration.ofHours(2)));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> RateLimit.parse("ten per hour")).hasMessageContaining("not a rate limit");
        assertThatThrownBy(() -> RateLimit.parse("0/hour")).hasMessageContaining("at least one");
    }
}
