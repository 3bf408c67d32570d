package io.ankirag.adapter.out.llm.call;

/** How a request for JSON that follows a schema reaches a provider. */
public enum StructuredOutput {
    /** The provider's native schema mode: OpenAI's {@code response_format: json_schema}, Anthropic's output format. */
    JSON_SCHEMA,
    /** {@code response_format: json_object} plus the schema in the instructions, for servers without json_schema. */
    JSON_OBJECT,
    /** Only the schema in the instructions, for servers with neither mode. */
    INSTRUCTION;

    /** What the system prompt gains when the provider is not given the schema itself. */
    public static String instruction(String schema) {
        return "Answer with JSON only, no other text: one JSON value that follows this JSON schema.\n" + schema;
    }
}
