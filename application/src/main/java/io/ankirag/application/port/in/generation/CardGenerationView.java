package io.ankirag.application.port.in.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.generation.FactCheck;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/**
 * How a generated card came to be (spec 4.1 {@code card_generation_info}): the job and what was asked of it, the
 * prompt version and model that wrote it, and what fact-checking said.
 *
 * @param factCheck {@code null} when fact-checking was not asked for
 */
public record CardGenerationView(CardId cardId, GenerationJobId jobId, UserId ownerId, String topic, String language,
                                 String difficulty, PromptId promptId, PromptVersionId promptVersionId, String model,
                                 FactCheck factCheck, Instant createdAt) {
}
