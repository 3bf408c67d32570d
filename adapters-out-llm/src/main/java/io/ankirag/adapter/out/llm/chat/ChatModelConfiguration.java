package io.ankirag.adapter.out.llm.chat;

import io.ankirag.application.port.out.llm.ChatModelPort;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link ChatModelPort}, picked by {@code LLM_PROVIDER}. A missing key or base URL does not stop the
 * application: the port then fails each call with {@code GEN_001} naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class ChatModelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChatModelConfiguration.class);

    @Bean
    ChatModelPort chatModelPort(LlmProperties llm) {
        boolean anthropic = llm.provider() == LlmProperties.Provider.ANTHROPIC;
        String provider = anthropic ? LangChain4jChatModel.ANTHROPIC : LangChain4jChatModel.OPENAI;
        String baseUrl = anthropic ? llm.anthropic().baseUrl() : llm.baseUrl();
        String apiKey = anthropic ? llm.anthropic().apiKey() : llm.apiKey();
        String missing = blank(baseUrl) ? (anthropic ? "ANTHROPIC_BASE_URL" : "SOP_LLM_API_BASE_URL")
                : blank(apiKey) ? (anthropic ? "ANTHROPIC_API_KEY" : "SOP_LLM_API_KEY") : null;
        if (missing != null) {
            log.warn("Chat model {} is not configured ({} is not set): generation and chat will fail with GEN_001",
                    provider, missing);
            return new UnconfiguredChatModel(provider, missing);
        }
        LangChain4jChatModel.Defaults defaults = new LangChain4jChatModel.Defaults(
                anthropic ? llm.anthropic().model() : llm.defaultModel(), llm.defaultTemperature(), llm.defaultMaxTokens());
        log.info("Chat model: {} at {}, default model {}, timeout {}, {} attempt(s)", provider, baseUrl.strip(),
                defaults.model(), llm.timeout(), llm.maxAttempts());
        URI base = URI.create(baseUrl.strip());
        return anthropic
                ? LangChain4jChatModel.anthropic(base, apiKey.strip(), defaults, llm.anthropic().structuredOutput(), llm.policy())
                : LangChain4jChatModel.openAiCompatible(base, apiKey.strip(), defaults, llm.structuredOutput(), llm.policy());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
