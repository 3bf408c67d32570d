package io.ankirag.bootstrap.axon;

import io.ankirag.domain.generation.GenerationJob;
import io.ankirag.domain.generation.GenerationJobCommand;
import io.ankirag.domain.generation.GenerationJobCommand.CancelGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.CompleteGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.DropDuplicateCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.FailGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RecordGeneratedCard;
import io.ankirag.domain.generation.GenerationJobCommand.RejectCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.ReportGenerationProgress;
import io.ankirag.domain.generation.GenerationJobCommand.RequestGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.StartGenerationRun;
import io.ankirag.domain.generation.GenerationJobEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link GenerationJob} in Axon, exactly as {@link DeckAggregate} hosts decks. */
@Aggregate(type = "GenerationJob", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class GenerationJobAggregate {

    @AggregateIdentifier
    private UUID id;
    private GenerationJob state = GenerationJob.initial();

    GenerationJobAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING) // an existing id is refused by the domain, not by the store
    void handle(RequestGeneration command) {
        decide(command);
    }

    @CommandHandler
    void handle(StartGenerationRun command) {
        decide(command);
    }

    @CommandHandler
    void handle(ReportGenerationProgress command) {
        decide(command);
    }

    @CommandHandler
    void handle(RecordGeneratedCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(DropDuplicateCandidate command) {
        decide(command);
    }

    @CommandHandler
    void handle(RejectCandidate command) {
        decide(command);
    }

    @CommandHandler
    void handle(CompleteGeneration command) {
        decide(command);
    }

    @CommandHandler
    void handle(FailGeneration command) {
        decide(command);
    }

    @CommandHandler
    void handle(CancelGeneration command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(GenerationJobEvent event) {
        id = event.jobId().value();
        state = state.evolve(event);
    }

    private void decide(GenerationJobCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
