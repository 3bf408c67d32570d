package io.ankirag.bootstrap.axon;

import io.ankirag.domain.prompt.Prompt;
import io.ankirag.domain.prompt.PromptCommand;
import io.ankirag.domain.prompt.PromptCommand.ActivatePromptVersion;
import io.ankirag.domain.prompt.PromptCommand.CreatePrompt;
import io.ankirag.domain.prompt.PromptCommand.DeletePrompt;
import io.ankirag.domain.prompt.PromptCommand.RevisePrompt;
import io.ankirag.domain.prompt.PromptEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link Prompt} in Axon: every handler asks the state to decide, every event evolves it. */
@Aggregate(type = "Prompt", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class PromptAggregate {

    @AggregateIdentifier
    private UUID id;
    private Prompt state = Prompt.initial();

    PromptAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    /**
     * The id comes from the name, so creating a name that exists (or existed) loads that prompt and lets it
     * refuse, instead of clashing in the event store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreatePrompt command) {
        decide(command);
    }

    @CommandHandler
    void handle(RevisePrompt command) {
        decide(command);
    }

    @CommandHandler
    void handle(ActivatePromptVersion command) {
        decide(command);
    }

    @CommandHandler
    void handle(DeletePrompt command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(PromptEvent event) {
        id = event.promptId().value();
        state = state.evolve(event);
    }

    private void decide(PromptCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
