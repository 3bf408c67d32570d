package io.ankirag.adapter.in.rest.chat;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class ChatDtos {

    private ChatDtos() {
    }

    record ContextDto(
            @Schema(description = "ground answers in this deck and its sub-decks; all the caller's decks when left out") UUID deckId,
            @Size(max = 1000) @Schema(example = "async programming") String topic) {
    }

    /** Spec 5.5. */
    record CreateSessionRequest(@NotBlank @Size(max = 255) @Schema(example = "Learning Python") String title,
                                @Valid ContextDto context) {
    }

    /** Either or both. */
    record UpdateSessionRequest(@Size(min = 1, max = 255) String title,
                                @Schema(description = "true archives the session (no new messages), false restores it")
                                Boolean archived) {
    }

    record SessionResponse(UUID id, String title, ContextDto context, boolean archived, int messageCount, Instant createdAt,
                           Instant updatedAt) {
    }

    // Named apart from the fact-check's SourceResponse and the auth MessageResponse in the OpenAPI document.
    @Schema(name = "ChatSourceResponse")
    record SourceResponse(UUID cardId, UUID deckId, double score, String snippet,
                          @Schema(description = "whether the answer cites the card as [card:ID]") boolean cited) {
    }

    @Schema(name = "ChatMessageResponse")
    record MessageResponse(UUID id, int sequence, @Schema(description = "user or assistant") String role, String content,
                           String model, int inputTokens, int outputTokens, List<SourceResponse> sources,
                           @Schema(description = "stop, error or cancelled; null for the user's messages") String finishReason,
                           @Schema(description = "false for an answer that broke off: its content is what had been written")
                           boolean complete, Instant createdAt) {
    }

    @Schema(name = "ChatMessagePage")
    record MessagePage(List<MessageResponse> items, long total, int page, int size, int pages) {
    }

    record SessionDetailsResponse(UUID id, String title, ContextDto context, boolean archived, int messageCount,
                                  Instant createdAt, Instant updatedAt,
                                  @Schema(description = "in the order written") MessagePage messages) {
    }

    /** All optional, as for {@code POST /api/generate}. */
    record CardsFromAnswerRequest(
            @Min(1) @Max(50) @Schema(description = "1 to 50, default 10") Integer numCards,
            @Schema(description = "the caller's deck; the session's deck, else \"Generated\", when left out") UUID deckId,
            @Schema(example = "en") String language,
            @Schema(example = "intermediate") String difficulty,
            @Size(max = 200) String idempotencyKey) {
    }

    record CardsFromAnswerResponse(UUID jobId, String status, String message) {
    }
}
