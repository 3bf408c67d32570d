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

    record ServiceSettings(ModelSetting chatModel, ModelSetting factChecker, EmbeddingSetting embedding) {
    }

    ServiceSettings settings();
}
