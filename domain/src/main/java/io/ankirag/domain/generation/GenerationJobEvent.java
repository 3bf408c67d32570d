package io.ankirag.domain.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Facts about one generation job. Cards are numbered 1, 2, ... in the order they were made ({@code sequence},
 * what a stream resumes from); every candidate the model proposed, kept or not, is numbered likewise
 * ({@code candidate}).
 */
public sealed interface GenerationJobEvent {

    GenerationJobId jobId();

    Instant at();

    record GenerationRequested(GenerationJobId jobId, UserId ownerId, GenerationRequest request, Instant at)
            implements GenerationJobEvent {
    }

    /** @param run 1 for the first worker to take the job, 2 for the one that resumed it after the first vanished, ... */
    record GenerationRunStarted(GenerationJobId jobId, UUID runId, int run, Instant at) implements GenerationJobEvent {
    }

    record GenerationProgressed(GenerationJobId jobId, String message, Instant at) implements GenerationJobEvent {
    }

    record GenerationCardProduced(GenerationJobId jobId, int sequence, int candidate, CardId cardId, TemplateId templateId,
                                  Map<String, String> fields, FactCheck factCheck, String model, Instant at)
            implements GenerationJobEvent {
    }

    record GenerationDuplicateDropped(GenerationJobId jobId, int candidate, Map<String, String> fields, CardId duplicateOf,
                                      double similarity, Instant at) implements GenerationJobEvent {
    }

    record GenerationCandidateRejected(GenerationJobId jobId, int candidate, Map<String, String> fields, ErrorCode code,
                                       String reason, Instant at) implements GenerationJobEvent {
    }

    record GenerationCompleted(GenerationJobId jobId, int cardsCreated, int candidatesFailed, Instant at)
            implements GenerationJobEvent {
    }

    record GenerationFailed(GenerationJobId jobId, ErrorCode code, String message, Instant at) implements GenerationJobEvent {
    }

    record GenerationCancelled(GenerationJobId jobId, Instant at) implements GenerationJobEvent {
    }
}
