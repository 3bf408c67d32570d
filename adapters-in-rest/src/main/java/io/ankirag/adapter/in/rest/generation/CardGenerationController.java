package io.ankirag.adapter.in.rest.generation;

import io.ankirag.adapter.in.rest.generation.GenerationDtos.CardGenerationResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.port.in.card.CardQuery;
import io.ankirag.application.port.in.generation.GenerationJobQuery;
import io.ankirag.domain.card.CardId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How a card was generated (spec 4.1 card_generation_info), for reviewing drafts: the job, model and fact-check. */
@RestController
@Tag(name = "Generation")
class CardGenerationController {

    private final CardQuery cards;
    private final GenerationJobQuery jobs;

    CardGenerationController(CardQuery cards, GenerationJobQuery jobs) {
        this.cards = cards;
        this.jobs = jobs;
    }

    @GetMapping("/api/cards/{id}/generation")
    @Operation(summary = "How the card was generated, with the fact-check's verdict and sources; "
            + "204 for a card no generation job made (404 CARD_001 for another user's card)")
    ResponseEntity<CardGenerationResponse> generation(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        CardId card = new CardId(id);
        cards.card(caller.id(), card); // CARD_001 unless it is the caller's
        return jobs.generationOf(caller.id(), card)
                .map(info -> ResponseEntity.ok(new CardGenerationResponse(info.cardId().value(), info.jobId().value(),
                        info.topic(), info.language(), info.difficulty(), info.promptId().value(),
                        info.promptVersionId().value(), info.model(), GenerationController.factCheck(info.factCheck()),
                        info.createdAt())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
