package io.ankirag.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.config.WebUiConfiguration.HistoryModeResolver;
import org.junit.jupiter.api.Test;

class WebUiConfigurationTest {

    @Test
    void pathsWithoutAFileNameAreTheAppsRoutes() {
        assertThat(HistoryModeResolver.isClientRoute("")).isTrue();
        assertThat(HistoryModeResolver.isClientRoute("cards")).isTrue();
        assertThat(HistoryModeResolver.isClientRoute("cards/0b6f3c1e-2f3a-4c59-9d1e-000000000042")).isTrue();
        assertThat(HistoryModeResolver.isClientRoute("apiary")).isTrue();
    }

    @Test
    void theApiIsNeverAnsweredWithTheApp() {
        assertThat(HistoryModeResolver.isClientRoute("api")).isFalse();
        assertThat(HistoryModeResolver.isClientRoute("api/cards/42")).isFalse();
        assertThat(HistoryModeResolver.isClientRoute("/api/no-such-thing")).isFalse();
    }

    @Test
    void missingFilesAreNotFoundRatherThanTheApp() {
        assertThat(HistoryModeResolver.isClientRoute("assets/index-0000.js")).isFalse();
        assertThat(HistoryModeResolver.isClientRoute("favicon.ico")).isFalse();
        assertThat(HistoryModeResolver.isClientRoute("media/some image.png")).isFalse();
    }
}
