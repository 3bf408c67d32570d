package io.ankirag.adapter.out.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * OpenAI's {@code POST …/chat/completions}: whole answers as {@code chat.completion}, streams as
 * {@code chat.completion.chunk} events ending with {@code data: [DONE]}, usage in the answer (and in a last chunk
 * when the request asks with {@code stream_options.include_usage}), errors as {@code {"error": {...}}}.
 */
public abstract class OpenAiShapedFake<S extends OpenAiShapedFake<S>> extends FakeLlmServer<S> {

    private static final long CREATED = 1_700_000_000L;

    protected OpenAiShapedFake(Function<Received, String> byDefault) {
        super("/chat/completions", byDefault);
    }

    @Override
    protected String idPrefix() {
        return "chatcmpl-fake-";
    }

    @Override
    protected String errorBody(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error")
                .putNull("param")
                .putNull("code");
        return body.toString();
    }

    @Override
    protected ObjectNode answer(Received request, String id, String model, String text, ObjectNode extra) {
        ObjectNode answer = JSON.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", CREATED)
                .put("model", model);
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        usage(answer, request, text);
        if (extra != null) {
            answer.setAll(extra);
        }
        return answer;
    }

    private static void usage(ObjectNode answer, Received request, String text) {
        int prompt = request.promptWords();
        int completion = pieces(text).size();
        answer.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private static ObjectNode chunk(String id, String model) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", CREATED)
                .put("model", model);
    }

    @Override
    protected String streamStart(Received request, String id, String model) {
        ObjectNode chunk = chunk(id, model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("finish_reason");
        return event(null, chunk);
    }

    @Override
    protected String streamPiece(String id, String model, String piece) {
        ObjectNode chunk = chunk(id, model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("content", piece);
        choice.putNull("finish_reason");
        return event(null, chunk);
    }

    @Override
    protected String streamEnd(Received request, String id, String model, String text, ObjectNode extra) {
        ObjectNode last = chunk(id, model);
        ObjectNode choice = last.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        if (extra != null) {
            last.setAll(extra);
        }
        StringBuilder events = new StringBuilder(event(null, last));
        JsonNode options = request.body().path("stream_options");
        if (options.path("include_usage").asBoolean(false)) {
            ObjectNode usage = chunk(id, model);
            usage.putArray("choices");
            usage(usage, request, text);
            events.append(event(null, usage));
        }
        return events.append("data: [DONE]\n\n").toString();
    }

    @Override
    protected String malformedEvent() {
        return "data: {\"id\": \"chatcmpl-broken\", \"choices\": [{\"delta\": {\"content\": \n\n";
    }

    @Override
    protected String endOfMalformedStream() {
        return "data: [DONE]\n\n";
    }
}
