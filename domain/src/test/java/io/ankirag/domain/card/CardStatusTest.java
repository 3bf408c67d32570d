package io.ankirag.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec 4.3, cell by cell: every (from, to) pair of statuses, allowed or not. */
class CardStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DRAFT       | DRAFT       | false
            DRAFT       | APPROVED    | true
            DRAFT       | REJECTED    | true
            DRAFT       | SYNCED      | false
            DRAFT       | SYNC_FAILED | false
            APPROVED    | DRAFT       | false
            APPROVED    | APPROVED    | false
            APPROVED    | REJECTED    | true
            APPROVED    | SYNCED      | true
            APPROVED    | SYNC_FAILED | true
            REJECTED    | DRAFT       | false
            REJECTED    | APPROVED    | false
            REJECTED    | REJECTED    | false
            REJECTED    | SYNCED      | false
            REJECTED    | SYNC_FAILED | false
            SYNCED      | DRAFT       | false
            SYNCED      | APPROVED    | false
            SYNCED      | REJECTED    | false
            SYNCED      | SYNCED      | true
            SYNCED      | SYNC_FAILED | true
            SYNC_FAILED | DRAFT       | false
            SYNC_FAILED | APPROVED    | false
            SYNC_FAILED | REJECTED    | false
            SYNC_FAILED | SYNCED      | true
            SYNC_FAILED | SYNC_FAILED | true
            """)
    void followsTheSpecifiedTable(CardStatus from, CardStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).as("%s can become %s", from, to).isEqualTo(allowed);
        assertThat(from.next().contains(to)).as("%s.next() contains %s", from, to).isEqualTo(allowed);
    }

    /** The table above must grow with the enum: 25 rows for 5 statuses. */
    @Test
    void theTableAboveCoversEveryPairOfStatuses() throws NoSuchMethodException {
        String[] rows = CardStatusTest.class.getDeclaredMethod("followsTheSpecifiedTable", CardStatus.class, CardStatus.class, boolean.class)
                .getAnnotation(CsvSource.class).textBlock().strip().split("\n");
        assertThat(Arrays.stream(rows).map(row -> row.substring(0, row.lastIndexOf('|')).replace(" ", "")))
                .containsExactlyInAnyOrderElementsOf(Stream.of(CardStatus.values())
                        .flatMap(from -> Stream.of(CardStatus.values()).map(to -> from + "|" + to))
                        .toList());
    }

    @Test
    void rejectedIsFinalAndSyncedOnlySyncsAgain() {
        assertThat(CardStatus.REJECTED.next()).isEmpty();
        assertThat(CardStatus.SYNCED.next()).containsExactlyInAnyOrder(CardStatus.SYNCED, CardStatus.SYNC_FAILED);
    }

    @Test
    void noStatusLeadsBackToDraft() {
        assertThat(EnumSet.allOf(CardStatus.class)).noneMatch(status -> status.canBecome(CardStatus.DRAFT));
    }
}
