package io.ankirag.domain.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What can be asked of a generation job. The learner requests and cancels; a worker, acting for the learner,
 * does the rest under a {@code runId} of its own: each time a worker takes the job (the first time, or after
 * the previous worker vanished) it starts a new run, and commands of any earlier run are refused from then on,
 * so a worker that lost its lease cannot write into a job that another one has resumed.
 */
public sealed interface GenerationJobCommand extends AggregateCommand {

    GenerationJobId jobId();

    Instant at();

    @Override
    default UUID aggregateId() {
        return jobId().value();
    }

    record RequestGeneration(GenerationJobId jobId, UserId actor, GenerationRequest request, Instant at)
            implements GenerationJobCommand {
    }

    record StartGenerationRun(GenerationJobId jobId, UserId actor, UUID runId, Instant at) implements GenerationJobCommand {
    }

    record ReportGenerationProgress(GenerationJobId jobId, UserId actor, UUID runId, String message, Instant at)
            implements GenerationJobCommand {
    }

    /**
     * @param factCheck {@code null} when fact-checking was not asked for
     * @param model     the model that wrote the card
     */
    record RecordGeneratedCard(GenerationJobId jobId, UserId actor, UUID runId, CardId cardId, TemplateId templateId,
                               Map<String, String> fields, FactCheck factCheck, String model, Instant at)
            implements GenerationJobCommand {

        public RecordGeneratedCard {
            fields = new LinkedHashMap<>(fields);
        }
    }

    /** A candidate that says what {@code duplicateOf}, an existing card of the learner's, already says. */
    record DropDuplicateCandidate(GenerationJobId jobId, UserId actor, UUID runId, Map<String, String> fields,
                                  CardId duplicateOf, double similarity, Instant at) implements GenerationJobCommand {

        public DropDuplicateCandidate {
            fields = new LinkedHashMap<>(fields);
        }
    }

    /** A candidate that cannot become a card (it does not fit its template, say), with the reason. */
    record RejectCandidate(GenerationJobId jobId, UserId actor, UUID runId, Map<String, String> fields, ErrorCode code,
                           String reason, Instant at) implements GenerationJobCommand {

        public RejectCandidate {
            fields = new LinkedHashMap<>(fields);
        }
    }

    record CompleteGeneration(GenerationJobId jobId, UserId actor, UUID runId, Instant at) implements GenerationJobCommand {
    }

    record FailGeneration(GenerationJobId jobId, UserId actor, UUID runId, ErrorCode code, String message, Instant at)
            implements GenerationJobCommand {
    }

    record CancelGeneration(GenerationJobId jobId, UserId actor, Instant at) implements GenerationJobCommand {
    }
}
