package io.ankirag.adapter.in.rest.card;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class CardDtos {

    private CardDtos() {
    }

    record CreateCardRequest(
            @NotNull UUID deckId,
            @NotNull UUID templateId,
            @NotNull @Schema(example = "{\"Front\": \"What is a list comprehension?\", \"Back\": \"[x for x in range(10)]\"}")
            Map<String, String> fields,
            List<String> tags) {
    }

    record BulkCardContent(@NotNull Map<String, String> fields, List<String> tags) {
    }

    record BulkCreateRequest(@NotNull UUID deckId, @NotNull UUID templateId,
                             @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull BulkCardContent> cards) {
    }

    record BulkFailureResponse(int index, String code, String detail) {
    }

    record BulkCreateResponse(List<CardResponse> created, List<BulkFailureResponse> failed, int totalCreated, int totalFailed) {
    }

    /** Every field optional; {@code fields} replaces all fields. */
    record UpdateCardRequest(Map<String, String> fields, List<String> tags) {
    }

    record MoveCardRequest(@NotNull UUID deckId) {
    }

    record RejectCardRequest(@Schema(example = "Некорректная информация") String reason) {
    }

    record CardResponse(
            UUID id,
            UUID deckId,
            UUID templateId,
            Map<String, String> fields,
            List<String> tags,
            String status,
            String origin,
            Long ankiNoteId,
            Long ankiCardId,
            String syncError,
            int syncAttempts,
            String rejectionReason,
            UUID createdBy,
            UUID updatedBy,
            Instant createdAt,
            Instant updatedAt) {
    }

    record CardListResponse(List<CardResponse> items, @Schema(description = "pass as cursor for the next slice; null at the end")
                            String nextCursor) {
    }

    record HistoryEntryResponse(long sequence, String type, Instant at, UUID actor, String statusBefore, String statusAfter,
                                String reason, Map<String, Object> changes) {
    }
}
