package io.ankirag.adapter.out.llm.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON in a model's answer to a request for JSON. Providers with a structured-output mode answer bare JSON;
 * in instruction mode, and from reasoning models, it may come inside a Markdown fence or after a
 * {@code <think>…</think>} block, which are taken off. Anything else that is not JSON is a failure: a model that
 * ignored the format is not guessed at.
 */
public final class JsonAnswer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern THINKING = Pattern.compile("^\\s*<think>.*?</think>", Pattern.DOTALL);
    private static final Pattern FENCED = Pattern.compile("^```(?:json|JSON)?\\s*\\n(.*?)\\n?```$", Pattern.DOTALL);
    private static final int MAX_QUOTED = 200;

    private JsonAnswer() {
    }

    /** The JSON of {@code answer}, as the model wrote it, or a permanent {@link LlmFailure} saying why there is none. */
    public static String extract(String answer) {
        String text = THINKING.matcher(answer).replaceFirst("").strip();
        Matcher fenced = FENCED.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1).strip();
        }
        if (text.isEmpty()) {
            throw LlmFailure.permanent("answered no JSON, only " + (answer.isBlank() ? "an empty text" : "a thought"));
        }
        try {
            JSON.readTree(text);
            return text;
        } catch (JsonProcessingException notJson) {
            throw LlmFailure.permanent("answered text that is not valid JSON (" + notJson.getOriginalMessage()
                    + "): " + quote(answer), notJson);
        }
    }

    /** The JSON of {@code answer}, parsed. */
    public static JsonNode parse(String answer) {
        try {
            return JSON.readTree(extract(answer));
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private static String quote(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > MAX_QUOTED ? oneLine.substring(0, MAX_QUOTED) + "…" : oneLine) + "\"";
    }
}
