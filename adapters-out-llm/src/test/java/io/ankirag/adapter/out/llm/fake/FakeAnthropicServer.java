package io.ankirag.adapter.out.llm.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fake Anthropic Messages API ({@code POST /v1/messages}) over real HTTP: whole answers as a {@code message},
 * streams as Anthropic's events ({@code message_start}, {@code content_block_start}, {@code ping},
 * {@code content_block_delta}…, {@code content_block_stop}, {@code message_delta}, {@code message_stop}),
 * errors as {@code {"type": "error", "error": {...}}}. Requests without {@code x-api-key},
 * {@code anthropic-version} or {@code max_tokens} are refused as Anthropic refuses them. Unless scripted it
 * answers "Fake answer to: " and the last user message.
 */
public final class FakeAnthropicServer extends FakeLlmServer<FakeAnthropicServer> {

    public FakeAnthropicServer() {
        super("/messages", request -> "Fake answer to: " + request.lastUserMessage());
    }

    @Override
    protected String idPrefix() {
        return "msg_fake_";
    }

    @Override
    protected String refusal(Received request) {
        if (request.header("x-api-key") == null) {
            return "x-api-key header is required";
        }
        if (request.header("anthropic-version") == null) {
            return "anthropic-version header is required";
        }
        if (!request.body().path("max_tokens").isInt()) {
            return "max_tokens: Field required";
        }
        return null;
    }

    @Override
    protected String errorBody(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body.toString();
    }

    @Override
    protected ObjectNode answer(Received request, String id, String model, String text, ObjectNode extra) {
        ObjectNode message = message(id, model);
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.put("stop_reason", "end_turn");
        message.putObject("usage").put("input_tokens", request.promptWords()).put("output_tokens", pieces(text).size());
        return message;
    }

    private static ObjectNode message(String id, String model) {
        ObjectNode message = JSON.createObjectNode()
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putNull("stop_sequence");
        return message;
    }

    @Override
    protected String streamStart(Received request, String id, String model) {
        ObjectNode message = message(id, model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putObject("usage").put("input_tokens", request.promptWords()).put("output_tokens", 1);
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        start.set("message", message);
        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        return event("message_start", start)
                + event("content_block_start", blockStart)
                + event("ping", JSON.createObjectNode().put("type", "ping"));
    }

    @Override
    protected String streamPiece(String id, String model, String piece) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", piece);
        return event("content_block_delta", delta);
    }

    @Override
    protected String streamEnd(Received request, String id, String model, String text, ObjectNode extra) {
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", pieces(text).size());
        return event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0))
                + event("message_delta", messageDelta)
                + event("message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    @Override
    protected String malformedEvent() {
        return "event: message_start\ndata: {\"type\": \"message_start\", \"message\": {\"id\": \n\n";
    }
}
