package io.ankirag.adapter.in.rest.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

final class PromptDtos {

    private static final String CATEGORIES = "generation, fact_check, chat, improvement";
    private static final String SCHEMA_EXAMPLE = """
            {"type": "object", "properties": {"topic": {"type": "string"},
             "num_cards": {"type": "integer", "minimum": 1, "maximum": 50}}, "required": ["topic"]}""";

    private PromptDtos() {
    }

    record CreatePromptRequest(
            @NotBlank @Schema(example = "quiz_generator", description = "a-z, 0-9, _ and -; at most 100") String name,
            @NotBlank @Schema(example = "generation", description = CATEGORIES) String category,
            @Schema(description = "may be empty") String systemPrompt,
            @NotBlank @Schema(example = "Create {num_cards} flashcards about {topic}.") String userPromptTemplate,
            @NotNull @Schema(type = "object", example = SCHEMA_EXAMPLE,
                    description = "JSON Schema (draft 2020-12) declaring every {placeholder} of both templates")
            JsonNode variablesSchema,
            @Schema(description = "0.0 to 2.0; 0.7 when left out") Double temperature,
            @Schema(description = "1 to 200000; 4096 when left out") Integer maxTokens) {
    }

    /** Every field optional: what is left out is taken from the version the new one is made from. */
    record NewVersionRequest(
            @Schema(description = "the version to start from; the active one when left out") Integer fromVersion,
            @Schema(description = CATEGORIES) String category,
            String systemPrompt,
            String userPromptTemplate,
            @Schema(type = "object") JsonNode variablesSchema,
            Double temperature,
            Integer maxTokens,
            @Schema(description = "put the new version in use at once; true when left out") Boolean activate) {
    }

    record RenderRequest(@Schema(example = "{\"topic\": \"asyncio\", \"num_cards\": 5}") Map<String, Object> variables) {
    }

    record PromptResponse(
            @Schema(description = "this version's id") UUID id,
            @Schema(description = "the same for every version of the name") UUID promptId,
            String name,
            int version,
            @Schema(description = "the version this one was made from; null for version 1") UUID parentId,
            @JsonProperty("is_active") boolean active,
            @JsonProperty("is_system") boolean system,
            String category,
            String systemPrompt,
            String userPromptTemplate,
            @JsonRawValue @Schema(type = "object") String variablesSchema,
            double temperature,
            int maxTokens,
            Instant createdAt,
            UUID createdBy) {
    }

    record RenderedPromptResponse(
            @Schema(description = "the exact version rendered") UUID promptVersionId,
            String name,
            int version,
            @Schema(description = "empty when the prompt has no system message") String systemPrompt,
            String userPrompt,
            double temperature,
            int maxTokens) {
    }
}
