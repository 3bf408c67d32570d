package io.ankirag.adapter.in.rest.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class TemplateDtos {

    private TemplateDtos() {
    }

    /** A field in template order; {@code order} is answered, and ignored when sent back: the list's order counts. */
    record FieldDto(
            @NotBlank @Size(max = 100) @Schema(example = "Front") String name,
            boolean required,
            @Schema(description = "1-based position; read-only", accessMode = Schema.AccessMode.READ_ONLY) Integer order) {
    }

    record CardTypeDto(
            @NotBlank @Size(max = 100) @Schema(example = "Card 1") String name,
            @NotBlank @Schema(example = "{{Front}}") String frontTemplate,
            @Schema(example = "{{FrontSide}}<hr id=answer>{{Back}}") String backTemplate) {
    }

    record CreateTemplateRequest(
            @NotBlank @Size(max = 100) @Schema(example = "Vocabulary") String name,
            @Size(max = 255) String displayName,
            @Pattern(regexp = "standard|cloze", message = "must be 'standard' or 'cloze'")
            @Schema(allowableValues = {"standard", "cloze"}, defaultValue = "standard") String kind,
            @NotEmpty List<@NotNull @Valid FieldDto> fields,
            @NotEmpty List<@NotNull @Valid CardTypeDto> cardTypes,
            String css) {
    }

    /** Every part optional; fields and card types are replaced as whole lists. */
    record ReviseTemplateRequest(
            @Size(min = 1, max = 255) String displayName,
            @Size(min = 1) List<@NotNull @Valid FieldDto> fields,
            @Size(min = 1) List<@NotNull @Valid CardTypeDto> cardTypes,
            String css) {
    }

    record PreviewRequest(
            @Schema(description = "field values by field name; fields left out are empty", example = "{\"Front\": \"2 + 2\", \"Back\": \"4\"}")
            Map<String, String> fields,
            @Min(1) @Schema(description = "cloze templates: the cloze number (c1 is 1); others: the card type, 1 for the first",
                    defaultValue = "1") Integer cardOrdinal) {
    }

    /** {@code question} and {@code answer} are sanitised HTML; {@code css} is the template's, as its owner wrote it. */
    record PreviewResponse(String question, String answer, String css) {
    }

    record TemplateResponse(
            UUID id,
            String name,
            String displayName,
            @Schema(allowableValues = {"standard", "cloze"}) String kind,
            List<FieldDto> fields,
            @Schema(description = "the first card type's front") String frontTemplate,
            @Schema(description = "the first card type's back") String backTemplate,
            List<CardTypeDto> cardTypes,
            String css,
            @JsonProperty("is_system") boolean system,
            UUID ownerId,
            Instant createdAt,
            Instant updatedAt) {
    }
}
