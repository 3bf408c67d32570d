package io.ankirag.adapter.out.llm.chat;

import io.ankirag.adapter.out.llm.factcheck.FactCheckProperties;
import io.ankirag.application.port.out.llm.LanguageModelSettingsPort;
import org.springframework.stereotype.Component;

/** The models as configured, with the setting whose absence makes every call fail (as the ports' factories decide). */
@Component
class ConfiguredLanguageModels implements LanguageModelSettingsPort {

    private final LlmProperties llm;
    private final FactCheckProperties factCheck;

    ConfiguredLanguageModels(LlmProperties llm, FactCheckProperties factCheck) {
        this.llm = llm;
        this.factCheck = factCheck;
    }

    @Override
    public ModelSetting chatModel() {
        if (llm.provider() == LlmProperties.Provider.ANTHROPIC) {
            return new ModelSetting(LangChain4jChatModel.ANTHROPIC, llm.anthropic().model(),
                    missing(llm.anthropic().baseUrl(), "ANTHROPIC_BASE_URL", llm.anthropic().apiKey(), "ANTHROPIC_API_KEY"));
        }
        return new ModelSetting(LangChain4jChatModel.OPENAI, llm.defaultModel(),
                missing(llm.baseUrl(), "SOP_LLM_API_BASE_URL", llm.apiKey(), "SOP_LLM_API_KEY"));
    }

    @Override
    public ModelSetting factChecker() {
        return new ModelSetting("perplexity", factCheck.model(),
                missing(factCheck.baseUrl(), "PERPLEXITY_BASE_URL", factCheck.apiKey(), "PERPLEXITY_API_KEY"));
    }

    private static String missing(String baseUrl, String baseUrlSetting, String apiKey, String apiKeySetting) {
        return blank(baseUrl) ? baseUrlSetting : blank(apiKey) ? apiKeySetting : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
