package io.ankirag.adapter.out.persistence.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.adapter.out.persistence.rag.LexicalBands.Band;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalBandsTest {

    @Test
    void readsTheCardsHoldingEveryWordFirstThenOneWordFewerAtATime() {
        LexicalBands query = LexicalBands.of(List.of(List.of("basalt"), List.of("form", "forms"), List.of("volcano")));

        assertThat(query.words()).isEqualTo(3);
        assertThat(query.anyWord()).isEqualTo("'basalt' | 'form' | 'forms' | 'volcano'");
        assertThat(query.bands()).containsExactly(
                new Band("'basalt' & ('form' | 'forms') & 'volcano'", 3, 3),
                new Band("('basalt' & ('form' | 'forms')) | ('basalt' & 'volcano') | (('form' | 'forms') & 'volcano')", 2, 2),
                new Band("'basalt' | 'form' | 'forms' | 'volcano'", 1, 1));
    }

    @Test
    void wordsSharingALexemeAreOneWordAndStopWordsNone() {
        LexicalBands query = LexicalBands.of(List.of(
                List.of("form", "forms"), List.of(), List.of("basalt"), List.of("form", "formed"), List.of("formed")));

        assertThat(query.words()).isEqualTo(2);
        assertThat(query.bands().getFirst().matching()).isEqualTo("'basalt' & ('form' | 'formed' | 'forms')");
    }

    @Test
    void aSingleWordIsOneBandAndOnlyStopWordsNone() {
        assertThat(LexicalBands.of(List.of(List.of("quokka"))).bands()).containsExactly(new Band("'quokka'", 1, 1));
        assertThat(LexicalBands.of(List.of(List.of(), List.of())).bands()).isEmpty();
    }

    @Test
    void bandsTooLargeToAskAreLeftToTheLastBandWhichRanksTheRestByRankAlone() {
        List<List<String>> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(List.of("w" + i));
        }

        List<Band> bands = LexicalBands.of(twenty).bands();

        // all 20 words: one combination; 19 of 20: 20 combinations of 19 lexemes, 380 > 256
        assertThat(bands).hasSize(2);
        assertThat(bands.getFirst().minWords()).isEqualTo(20);
        assertThat(bands.getLast()).extracting(Band::minWords, Band::maxWords).containsExactly(1, 19);
    }

    @Test
    void quotesAndBackslashesInALexemeAreEscaped() {
        assertThat(LexicalBands.of(List.of(List.of("o'neil\\x"))).anyWord()).isEqualTo("'o''neil\\\\x'");
    }
}
