package io.ankirag.adapter.out.llm.chat;

import io.ankirag.application.port.out.llm.ChatModelPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.function.Consumer;

/**
 * The chat model when a setting it needs is missing: the application starts without it, and each call says what
 * to set.
 */
record UnconfiguredChatModel(String provider, String missingSetting) implements ChatModelPort {

    @Override
    public LlmResponse complete(LlmRequest request) {
        throw notConfigured();
    }

    @Override
    public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
        throw notConfigured();
    }

    private DomainException notConfigured() {
        return new DomainException(ErrorCode.GEN_001,
                "LLM " + provider + " is not configured: " + missingSetting + " is not set");
    }
}
