package io.ankirag.adapter.in.rest.deck;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class DeckDtos {

    private DeckDtos() {
    }

    record CreateDeckRequest(
            @NotBlank @Size(max = 255) @Schema(example = "Python Programming") String name,
            @Size(max = 10_000) String description,
            UUID parentId) {
    }

    /** Every field optional. */
    record UpdateDeckRequest(@Size(min = 1, max = 255) String name, @Size(max = 10_000) String description) {
    }

    /** {@code parent_id: null} makes the deck top-level. */
    record MoveDeckRequest(UUID parentId) {
    }

    record DeckResponse(
            UUID id,
            String name,
            String description,
            UUID ownerId,
            UUID parentId,
            long cardsCount,
            Instant createdAt,
            Instant updatedAt) {
    }

    record DeckTreeNode(
            UUID id,
            String name,
            String description,
            UUID parentId,
            @Schema(description = "cards directly in this deck") long cardsCount,
            @Schema(description = "cards in this deck and all its sub-decks") long totalCardsCount,
            List<DeckTreeNode> children) {
    }
}
