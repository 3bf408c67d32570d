package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardSearchWordsTest {

    @Test
    void keepsLettersAndDigitsOnlyLowerCasedAndDistinct() {
        assertThat(CardSearchService.words("Async & AWAIT: async | co-routine's !x 42"))
                .containsExactly("async", "await", "co", "routine", "s", "x", "42");
    }

    @Test
    void aQueryOfOnlyPunctuationHasNoWords() {
        assertThat(CardSearchService.words("&|!:*()")).isEmpty();
    }

    @Test
    void handlesNonLatinScripts() {
        assertThat(CardSearchService.words("Что такое замыкание?")).containsExactly("что", "такое", "замыкание");
    }
}
