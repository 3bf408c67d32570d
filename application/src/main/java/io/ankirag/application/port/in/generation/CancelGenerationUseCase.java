package io.ankirag.application.port.in.generation;

import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.user.UserId;

public interface CancelGenerationUseCase {

    /**
     * Stops a pending or running job; the cards it has made stay drafts. Cancelling a cancelled job again is fine.
     *
     * @throws io.ankirag.domain.error.DomainException {@code GEN_003} for a job that is not the caller's,
     *                                                 {@code GEN_004} for a completed or failed one
     */
    GenerationJobView cancelGeneration(UserId caller, GenerationJobId id);
}
