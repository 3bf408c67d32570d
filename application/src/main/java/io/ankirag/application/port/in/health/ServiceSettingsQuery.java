package io.ankirag.application.port.in.health;

import io.ankirag.application.port.out.llm.LanguageModelSettingsPort.ModelSetting;

/** What the settings page shows every signed-in user: the models this installation uses and whether they work. */
public interface ServiceSettingsQuery {

    enum IndexState {
        /** The configured model serves searches and no card waits for a retry. */
        OK,
        /** Cards are being embedded, or a newly configured model's vectors are being built. */
        INDEXING,
        /** Some cards' embeddings failed and are being retried. */
        FAILING
    }

    /**
     * @param model        the configured embedding model, {@code provider/name/dimensions}
     * @param servingModel the one answering searches now ({@code null} before any)
     */
    record EmbeddingSetting(String model, String servingModel, IndexState state, long pending, long failed,
                            String lastError) {
    }

    /**
     * The server's AnkiConnect and whether it answers now. Anki often runs on the learner's own computer, reached
     * through the desktop agent instead, so an unreachable Anki is a state to show, not a failure of the page.
     *
     * @param url          where the server reaches AnkiConnect, without user info, query or key
     * @param version      the add-on's protocol version when it answered, else {@code null}
     * @param problemCode  {@code SYNC_001} (not reachable in time), {@code SYNC_003} (too old), else {@code null}
     * @param problem      what went wrong, in words, else {@code null}
     */
    record AnkiSetting(String url, boolean reachable, Integer version, String problemCode, String problem) {
    }

    record ServiceSettings(ModelSetting chatModel, ModelSetting factChecker, EmbeddingSetting embedding,
                           AnkiSetting anki) {
    }

    ServiceSettings settings();
}
