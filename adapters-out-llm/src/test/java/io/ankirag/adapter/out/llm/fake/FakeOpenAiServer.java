package io.ankirag.adapter.out.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A fake OpenAI-compatible server ({@code POST /v1/chat/completions}) over real HTTP: plain and streamed answers,
 * {@code response_format} {@code json_schema} and {@code json_object} as OpenAI takes them, a script of answers
 * and failures, and a record of every request. Unless scripted it answers "Fake answer to: " and the last user
 * message.
 *
 * <pre>{@code
 * try (FakeOpenAiServer llm = new FakeOpenAiServer()) {
 *     llm.thenRateLimit("1").thenReply("{\"cards\": []}");
 *     // point SOP_LLM_API_BASE_URL at llm.baseUrl(), call, then:
 *     assertThat(llm.received()).hasSize(2);
 * }
 * }</pre>
 */
public final class FakeOpenAiServer extends OpenAiShapedFake<FakeOpenAiServer> {

    private volatile boolean rejectJsonSchema;

    public FakeOpenAiServer() {
        super(request -> "Fake answer to: " + request.lastUserMessage());
    }

    /** Answers 400 to {@code response_format: json_schema}, like servers that only know {@code json_object}. */
    public FakeOpenAiServer rejectJsonSchema() {
        this.rejectJsonSchema = true;
        return this;
    }

    @Override
    protected String refusal(Received request) {
        JsonNode format = request.responseFormat();
        String type = format.path("type").asText("");
        if (type.equals("json_schema")) {
            if (rejectJsonSchema) {
                return "response_format type json_schema is not supported by this server";
            }
            if (!format.path("json_schema").path("schema").isObject() || format.path("json_schema").path("name").asText("").isEmpty()) {
                return "Missing required parameter: 'response_format.json_schema.name' or 'schema'.";
            }
        }
        if (type.equals("json_object") && request.messages().stream()
                .noneMatch(m -> m.content().toLowerCase(Locale.ROOT).contains("json"))) {
            return "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.";
        }
        return null;
    }
}
