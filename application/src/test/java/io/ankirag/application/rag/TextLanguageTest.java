package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLanguageTest {

    @Test
    void cyrillicTextIsRussian() {
        assertThat(TextLanguage.detect("Какой органоид вырабатывает энергию клетки?")).isEqualTo(TextLanguage.RU);
        assertThat(TextLanguage.detect("кошками")).isEqualTo(TextLanguage.RU);
    }

    @Test
    void anEnglishWordWithItsRussianTranslationIsARussianLearnersCard() {
        assertThat(TextLanguage.detect("photosynthesis\nфотосинтез")).isEqualTo(TextLanguage.RU);
    }

    @Test
    void latinTextWithEnglishFunctionWordsIsEnglish() {
        assertThat(TextLanguage.detect("What is the powerhouse of the cell?")).isEqualTo(TextLanguage.EN);
    }

    @Test
    void aFewPlainWordsCountAsEnglish() {
        assertThat(TextLanguage.detect("photosynthesis")).isEqualTo(TextLanguage.EN);
        assertThat(TextLanguage.detect("mitochondrial DNA")).isEqualTo(TextLanguage.EN);
    }

    @Test
    void otherLatinLanguagesCodeAndUkrainianAreUndetermined() {
        assertThat(TextLanguage.detect("Die Mitochondrien sind die Kraftwerke der Zelle")).isEqualTo(TextLanguage.UND);
        assertThat(TextLanguage.detect("Où se trouve la bibliothèque ?")).isEqualTo(TextLanguage.UND);
        assertThat(TextLanguage.detect("Київ є столицею України")).isEqualTo(TextLanguage.UND);
        assertThat(TextLanguage.detect("x = 42; y = x * 2")).isEqualTo(TextLanguage.EN); // two one-letter ASCII "words"
        assertThat(TextLanguage.detect("42 + 17")).isEqualTo(TextLanguage.UND);
        assertThat(TextLanguage.detect("")).isEqualTo(TextLanguage.UND);
    }

    @Test
    void eachLanguageHasItsPostgresConfigurationAndCode() {
        assertThat(TextLanguage.RU.textSearchConfiguration()).isEqualTo("russian");
        assertThat(TextLanguage.EN.textSearchConfiguration()).isEqualTo("english");
        assertThat(TextLanguage.UND.textSearchConfiguration()).isEqualTo("simple");
        assertThat(TextLanguage.ofCode("ru")).isEqualTo(TextLanguage.RU);
        assertThat(TextLanguage.UND.code()).isEqualTo("und");
    }
}
