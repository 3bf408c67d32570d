package io.ankirag.bootstrap.axon;

import io.ankirag.domain.template.CardTemplate;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateCommand.DeleteTemplate;
import io.ankirag.domain.template.TemplateCommand.ReviseTemplate;
import io.ankirag.domain.template.TemplateEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link CardTemplate} in Axon: every handler asks the state to decide, every event evolves it. */
@Aggregate(type = "CardTemplate", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class TemplateAggregate {

    @AggregateIdentifier
    private UUID id;
    private CardTemplate state = CardTemplate.initial();

    TemplateAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    /**
     * Unlike a deck's, creation may reach an existing template: system templates are created again on every
     * start, with their fixed ids, and the existing state answers that with no events.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateTemplate command) {
        decide(command);
    }

    @CommandHandler
    void handle(ReviseTemplate command) {
        decide(command);
    }

    @CommandHandler
    void handle(DeleteTemplate command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(TemplateEvent event) {
        id = event.templateId().value();
        state = state.evolve(event);
    }

    private void decide(TemplateCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
