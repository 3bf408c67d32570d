package io.ankirag.adapter.out.llm.factcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import io.ankirag.adapter.out.llm.call.Attempted;
import io.ankirag.adapter.out.llm.call.CallPolicy;
import io.ankirag.adapter.out.llm.call.JsonAnswer;
import io.ankirag.adapter.out.llm.call.LlmFailure;
import io.ankirag.adapter.out.llm.call.LlmHttpClient;
import io.ankirag.adapter.out.llm.call.StructuredOutput;
import io.ankirag.application.port.out.llm.FactCheckPort;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@link FactCheckPort} through Perplexity's OpenAI-compatible {@code POST /chat/completions} with an online model
 * ({@code PERPLEXITY_MODEL}). The model is asked for a verdict as JSON; the sources are not the model's words but
 * the answer's {@code citations} (URLs) and {@code search_results} (title and URL), which Perplexity adds beside
 * the choices and langchain4j leaves in the raw body.
 */
final class PerplexityFactChecker implements FactCheckPort {

    static final String PROVIDER = "perplexity";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TEMPERATURE = 0.2;
    private static final int MAX_TOKENS = 2048;
    static final String VERDICT_SCHEMA = """
            {"type": "object",
             "properties": {
               "verdict": {"type": "string", "enum": ["SUPPORTED", "DISPUTED", "UNVERIFIABLE"]},
               "explanation": {"type": "string"},
               "correction": {"type": "string"}
             },
             "required": ["verdict", "explanation", "correction"],
             "additionalProperties": false}""";
    private static final String INSTRUCTIONS = """
            You check flashcards for factual accuracy. Search the web for reliable sources on the claim you are \
            given (a card's question and answer) and decide:
            - SUPPORTED when reliable sources agree with the claim;
            - DISPUTED when they contradict it, or any part of it;
            - UNVERIFIABLE when you find nothing reliable that decides either way.
            Answer with one JSON object: "verdict" (one of the three words), "explanation" (one or two sentences \
            saying why, citing what the sources say) and "correction" (the corrected answer when DISPUTED, \
            otherwise an empty string). Write the explanation and the correction in the language whose code is \
            %s.""";

    private final URI baseUrl;
    private final String model;
    private final StructuredOutput structuredOutput;
    private final CallPolicy policy;
    private final ChatModel chat;

    /**
     * @param baseUrl up to but excluding {@code /chat/completions}: {@code https://api.perplexity.ai}
     */
    PerplexityFactChecker(URI baseUrl, String apiKey, String model, StructuredOutput structuredOutput, CallPolicy policy) {
        Objects.requireNonNull(baseUrl, "PERPLEXITY_BASE_URL");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("PERPLEXITY_BASE_URL must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("PERPLEXITY_MODEL must name a model");
        }
        this.baseUrl = baseUrl;
        this.model = model;
        this.structuredOutput = structuredOutput;
        this.policy = policy;
        this.chat = OpenAiChatModel.builder()
                .httpClientBuilder(LlmHttpClient.builder(policy.timeout()))
                .baseUrl(baseUrl.toString())
                .apiKey(apiKey)
                .modelName(model)
                .timeout(policy.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public FactCheckResult check(String claim, String language) {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("the claim to check must not be blank");
        }
        ChatRequest request = request(claim, language == null || language.isBlank() ? "en" : language);
        Attempted<FactCheckResult> checked = policy.call(
                "Fact-checker " + PROVIDER + " at " + baseUrl + " (model " + model + ")", () -> {
                    ChatResponse response;
                    try {
                        response = chat.chat(request);
                    } catch (RuntimeException e) {
                        throw policy.failure(e);
                    }
                    return result(response);
                });
        FactCheckResult result = checked.value();
        return new FactCheckResult(result.verdict(), result.explanation(), result.correction(), result.sources(),
                result.model(), result.inputTokens(), result.outputTokens(), checked.latency());
    }

    private ChatRequest request(String claim, String language) {
        String system = INSTRUCTIONS.formatted(language);
        ResponseFormat format = null;
        switch (structuredOutput) {
            case JSON_SCHEMA -> format = ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name("fact_check").rootElement(JsonRawSchema.from(VERDICT_SCHEMA)).build())
                    .build();
            case JSON_OBJECT -> {
                system = system + "\n\n" + StructuredOutput.instruction(VERDICT_SCHEMA);
                format = ResponseFormat.JSON;
            }
            case INSTRUCTION -> system = system + "\n\n" + StructuredOutput.instruction(VERDICT_SCHEMA);
        }
        return ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from("Claim to check:\n" + claim.strip()))
                .modelName(model)
                .temperature(TEMPERATURE)
                .maxOutputTokens(MAX_TOKENS)
                .responseFormat(format)
                .build();
    }

    private FactCheckResult result(ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw LlmFailure.permanent("answered no text");
        }
        JsonNode verdictJson = JsonAnswer.parse(text);
        String verdictText = verdictJson.path("verdict").asText("").strip().toUpperCase(Locale.ROOT);
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(verdictText);
        } catch (IllegalArgumentException unknown) {
            throw LlmFailure.permanent("answered without a verdict of SUPPORTED, DISPUTED or UNVERIFIABLE: " + text.strip());
        }
        String correction = verdict == Verdict.DISPUTED ? verdictJson.path("correction").asText("").strip() : "";
        TokenUsage usage = response.tokenUsage();
        String answeredBy = response.modelName() == null || response.modelName().isBlank() ? model : response.modelName();
        return new FactCheckResult(verdict, verdictJson.path("explanation").asText("").strip(), correction,
                sources(response), answeredBy,
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                Duration.ZERO);
    }

    /**
     * {@code citations} in their order, then any {@code search_results} not cited, each URL once (a trailing
     * slash does not make another URL); titles come from {@code search_results}.
     */
    static List<Source> sources(JsonNode body) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (JsonNode result : body.path("search_results")) {
            String url = result.path("url").asText("").strip();
            if (!url.isEmpty()) {
                titles.putIfAbsent(key(url), result.path("title").asText(""));
            }
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (JsonNode citation : body.path("citations")) {
            String url = citation.isTextual() ? citation.asText().strip() : citation.path("url").asText("").strip();
            if (!url.isEmpty()) {
                sources.putIfAbsent(key(url), new Source(url, titles.getOrDefault(key(url), "")));
            }
        }
        for (JsonNode result : body.path("search_results")) {
            String url = result.path("url").asText("").strip();
            if (!url.isEmpty()) {
                sources.putIfAbsent(key(url), new Source(url, result.path("title").asText("")));
            }
        }
        return new ArrayList<>(sources.values());
    }

    private static String key(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static List<Source> sources(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)) {
            return List.of();
        }
        SuccessfulHttpResponse raw = metadata.rawHttpResponse();
        if (raw == null || raw.body() == null) {
            return List.of();
        }
        try {
            return sources(JSON.readTree(raw.body()));
        } catch (JsonProcessingException malformed) {
            throw LlmFailure.permanent("answered malformed JSON: " + malformed.getOriginalMessage(), malformed);
        }
    }
}
