package io.ankirag.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserPreferencesTest {

    @Test
    void defaultsAreEnglishWithServerChosenModels() {
        assertThat(UserPreferences.DEFAULTS).isEqualTo(new UserPreferences("en", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "deu", "en-US", "zh-Hant-TW", "sr-Latn", "es-419"})
    void acceptsLanguageTags(String tag) {
        assertThat(new UserPreferences(tag, null, null).preferredLanguage()).isEqualTo(tag);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"e", "engl", "english", "en_US", "en-", "12", "en-a", "en-abcdefghi", "e n"})
    void rejectsAnythingThatIsNotALanguageTag(String notATag) {
        assertThatThrownBy(() -> new UserPreferences(notATag, null, null))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REQ_002);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankModelAndEmbedderMeanTheServerDefault(String blank) {
        UserPreferences preferences = new UserPreferences("en", blank, blank);

        assertThat(preferences.defaultModel()).isNull();
        assertThat(preferences.defaultEmbedder()).isNull();
    }

    @Test
    void trimsTheLanguageTag() {
        assertThat(new UserPreferences(" ru\n", null, null).preferredLanguage()).isEqualTo("ru");
    }

    @Test
    void trimsModelAndEmbedderNames() {
        UserPreferences preferences = new UserPreferences("en", " gpt-4o-mini ", " nomic-embed-text\n");

        assertThat(preferences.defaultModel()).isEqualTo("gpt-4o-mini");
        assertThat(preferences.defaultEmbedder()).isEqualTo("nomic-embed-text");
    }

    @Test
    void acceptsModelNamesUpTo255Characters() {
        assertThat(new UserPreferences("en", "m".repeat(255), "e".repeat(255)).defaultModel()).hasSize(255);
    }

    @Test
    void rejectsModelNameLongerThan255Characters() {
        assertThatThrownBy(() -> new UserPreferences("en", "m".repeat(256), null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("default_model");
    }

    @Test
    void rejectsEmbedderNameLongerThan255Characters() {
        assertThatThrownBy(() -> new UserPreferences("en", null, "e".repeat(256)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("default_embedder");
    }
}
