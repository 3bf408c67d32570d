package io.ankirag.application.port.out.llm;

/** Which language models this instance is set up to call; never keys or addresses. */
public interface LanguageModelSettingsPort {

    /**
     * @param provider       e.g. {@code openai}, {@code anthropic}, {@code perplexity}
     * @param model          the model asked when a call names none
     * @param missingSetting the environment variable that is not set, so every call fails with {@code GEN_001};
     *                       {@code null} when nothing is missing
     */
    record ModelSetting(String provider, String model, String missingSetting) {

        public boolean configured() {
            return missingSetting == null;
        }
    }

    /** The chat model that writes cards and answers chats. */
    ModelSetting chatModel();

    /** The online model that checks facts. */
    ModelSetting factChecker();
}
