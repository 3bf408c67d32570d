package io.ankirag.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    private static final long NOW = Instant.parse("2025-06-01T08:30:00.123Z").toEpochMilli();

    @Test
    void isVersion7() {
        assertThat(UuidV7.at(NOW, new SplittableRandom(1)).version()).isEqualTo(7);
    }

    @Test
    void hasTheRfcVariant() {
        assertThat(UuidV7.at(NOW, new SplittableRandom(1)).variant()).isEqualTo(2);
    }

    @Test
    void versionAndVariantHoldWhateverTheRandomBits() {
        RandomGenerator allOnes = () -> -1L;
        RandomGenerator allZeros = () -> 0L;

        for (RandomGenerator random : List.of(allOnes, allZeros)) {
            UUID id = UuidV7.at(NOW, random);
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @Test
    void carriesTheMillisecondTimestampInItsFirst48Bits() {
        UUID id = UuidV7.at(NOW, new SplittableRandom(1));

        assertThat(timestampOf(id)).isEqualTo(NOW);
    }

    @Test
    void nextTakesTheTimestampFromTheClock() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

        UUID id = UuidV7.next(clock);

        assertThat(timestampOf(id)).isEqualTo(NOW);
        assertThat(id.version()).isEqualTo(7);
    }

    @Test
    void idsFromTheSameMillisecondStillDiffer() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

        assertThat(UuidV7.next(clock)).isNotEqualTo(UuidV7.next(clock));
    }

    @Test
    void idsMadeAtIncreasingMillisSortByCreationTime() {
        // Adversarial random bits: a later id gets smaller random bits than the earlier one.
        RandomGenerator descendingRandom = new RandomGenerator() {
            private long next = -1L;

            @Override
            public long nextLong() {
                return next--;
            }
        };
        List<UUID> made = new ArrayList<>();
        for (long millis = NOW; millis < NOW + 50; millis++) {
            made.add(UuidV7.at(millis, descendingRandom));
        }

        assertThat(made).extracting(UuidV7Test::timestampOf).isSorted().doesNotHaveDuplicates();
        assertThat(made).isSortedAccordingTo(UUID::compareTo);
    }

    @Test
    void aLaterMillisecondSortsAfterAnEarlierOneWhateverTheRandomBits() {
        UUID earlier = UuidV7.at(NOW, () -> -1L);
        UUID later = UuidV7.at(NOW + 1, () -> 0L);

        assertThat(later).isGreaterThan(earlier);
    }

    private static long timestampOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
