package io.ankirag.adapter.in.rest.generation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class GenerationDtos {

    private GenerationDtos() {
    }

    /** Spec 5.4; everything but {@code topic} optional. */
    record GenerateRequest(
            @Size(max = 200) @Schema(description = "a client-made key; the same key within 24 hours answers the same job "
                    + "(the Idempotency-Key header works too)") String idempotencyKey,
            @NotBlank @Size(max = 1000) @Schema(example = "Async/await in Python") String topic,
            @Min(1) @Max(50) @Schema(description = "1 to 50, default 10") Integer numCards,
            @Schema(description = "the caller's deck; their top-level deck \"Generated\" when left out") UUID deckId,
            @Schema(description = "a generation prompt's id (its active version) or a version's id; card_generator when left out")
            UUID promptId,
            @Schema(example = "ru", description = "a language tag; the caller's preferred language when left out") String language,
            @Schema(example = "intermediate", description = "beginner, intermediate (default) or advanced") String difficulty,
            @Schema(description = "check every card with an online model, default false") Boolean factCheck,
            @Schema(description = "put fact-checking's sources into the cards, default true") Boolean includeSources) {
    }

    record GenerateResponse(UUID jobId, String status, String message) {
    }

    record SourceResponse(String url, String title) {
    }

    record FactCheckResponse(@Schema(description = "supported, disputed or unverifiable") String verdict, String explanation,
                             String correction, List<SourceResponse> sources, String model) {
    }

    record GeneratedCardResponse(int sequence, UUID id, UUID templateId, Map<String, String> fields,
                                 FactCheckResponse factCheck, Instant createdAt) {
    }

    record CardGenerationResponse(UUID cardId, UUID jobId, String topic, String language, String difficulty, UUID promptId,
                                  UUID promptVersionId, String model,
                                  @Schema(description = "null when fact-checking was not asked for") FactCheckResponse factCheck,
                                  Instant createdAt) {
    }

    /**
     * A rejected candidate (with its number and fields) or, without them, why the job failed. (Named apart from the
     * import's and search's records: OpenAPI names schemas by simple class name, and one would hide the other.)
     */
    record GenerationErrorResponse(String code, String message, Integer candidate, Map<String, String> fields) {
    }

    record DroppedDuplicateResponse(int candidate, Map<String, String> fields, UUID duplicateOf, double similarity) {
    }

    record JobSummaryResponse(
            UUID id,
            @Schema(description = "pending, running, completed, failed or cancelled") String status,
            @Schema(description = "0 to 100") int progress,
            int totalCards,
            int completedCards,
            int failedCards,
            int duplicatesDropped,
            String message,
            String topic,
            UUID deckId,
            UUID promptId,
            UUID promptVersionId,
            String language,
            String difficulty,
            boolean factCheck,
            boolean includeSources,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {
    }

    record JobResponse(
            UUID id,
            String status,
            int progress,
            int totalCards,
            int completedCards,
            int failedCards,
            int duplicatesDropped,
            String message,
            String topic,
            UUID deckId,
            UUID promptId,
            UUID promptVersionId,
            String language,
            String difficulty,
            boolean factCheck,
            boolean includeSources,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            List<GeneratedCardResponse> cards,
            List<GenerationErrorResponse> errors,
            List<DroppedDuplicateResponse> duplicates) {
    }
}
