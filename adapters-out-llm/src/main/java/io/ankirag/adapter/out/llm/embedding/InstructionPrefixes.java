package io.ankirag.adapter.out.llm.embedding;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a model wants in front of a text, by purpose. The e5 family (multilingual-e5-small/-large, e5-small-v2)
 * was trained on {@code "query: "} and {@code "passage: "} and scores worse without them; MiniLM-style models
 * want nothing. Decided from the configured model name, so a user who brings e5 as an ONNX directory or behind
 * an OpenAI-compatible server names it {@code …e5…} and gets the prefixes.
 */
record InstructionPrefixes(String query, String document) {

    static final InstructionPrefixes NONE = new InstructionPrefixes("", "");
    static final InstructionPrefixes E5 = new InstructionPrefixes("query: ", "passage: ");

    private static final Pattern E5_NAME = Pattern.compile("(^|[^a-z0-9])e5([^a-z0-9]|$)");

    static InstructionPrefixes forModel(String modelName) {
        return E5_NAME.matcher(modelName.toLowerCase(Locale.ROOT)).find() ? E5 : NONE;
    }

    String apply(String text, EmbeddingPurpose purpose) {
        return switch (purpose) {
            case QUERY -> query + text;
            case DOCUMENT -> document + text;
        };
    }
}
