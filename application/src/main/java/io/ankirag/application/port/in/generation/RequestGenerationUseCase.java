package io.ankirag.application.port.in.generation;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationStatus;
import io.ankirag.domain.user.UserId;
import java.util.UUID;

/** Starts card generation (spec 5.4, 6.2): answers at once with a job; the work runs in the background. */
public interface RequestGenerationUseCase {

    int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    /**
     * Everything but the topic is optional.
     *
     * @param numCards       1 to 50, 10 when left out
     * @param deckId         the caller's deck for the cards; their top-level deck "Generated" (made if missing) when left out
     * @param promptId       a generation prompt: a version's id (that version) or a prompt's id (its active version);
     *                       the system prompt {@code card_generator} when left out
     * @param language       a language tag; the caller's preferred language when left out
     * @param difficulty     beginner, intermediate (default) or advanced
     * @param factCheck      check each card with an online model, false by default
     * @param includeSources put fact-checking's sources into the card, true by default (only with {@code factCheck})
     * @param idempotencyKey a client's key for this request: the same key again within 24 hours answers the job it
     *                       started, whatever has become of it
     */
    record GenerationOrder(String topic, Integer numCards, DeckId deckId, UUID promptId, String language, String difficulty,
                           Boolean factCheck, Boolean includeSources, String idempotencyKey) {
    }

    /** @param repeated whether an earlier request with the same idempotency key had started this job */
    record GenerationAccepted(GenerationJobId jobId, GenerationStatus status, boolean repeated) {
    }

    /**
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} for an invalid field, {@code DECK_001} for a deck
     *                                                 that is not the caller's, {@code PROMPT_001} for an unknown
     *                                                 prompt, {@code GEN_002} for a prompt that is not for generation,
     *                                                 {@link io.ankirag.application.ratelimit.RateLimitExceededException} past the
     *                                                 generation rate limit
     */
    GenerationAccepted requestGeneration(UserId caller, GenerationOrder order);
}
