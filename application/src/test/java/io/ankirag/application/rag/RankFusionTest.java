package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ankirag.application.rag.RankFusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void itemsInBothListsOutrankItemsInOne() {
        List<Fused<String>> fused = RankFusion.reciprocalRank(List.of(List.of("a", "b", "c"), List.of("c", "d")), 60);

        assertThat(fused).extracting(Fused::item).containsExactly("c", "a", "b", "d"); // b and d tie at 1/62: b appeared first
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void aLighterRankingStillContributesButTheHeavierOneLeads() {
        List<Fused<String>> fused = RankFusion.reciprocalRank(List.of(List.of("noise", "x"), List.of("word", "x")),
                List.of(0.25, 1.0), 60);

        assertThat(fused).extracting(Fused::item).containsExactly("x", "word", "noise");
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(0.25 / 61, within(1e-12));
    }

    @Test
    void equalScoresKeepFirstAppearance() {
        assertThat(RankFusion.reciprocalRank(List.of(List.of("x", "y"), List.of("z", "w")), 60))
                .extracting(Fused::item).containsExactly("x", "z", "y", "w");
    }

    @Test
    void oneListKeepsItsOrderAndNoListsGiveNothing() {
        assertThat(RankFusion.reciprocalRank(List.of(List.of("b", "a"), List.<String>of()), 60))
                .extracting(Fused::item).containsExactly("b", "a");
        assertThat(RankFusion.reciprocalRank(List.<List<String>>of(), 60)).isEmpty();
    }
}
