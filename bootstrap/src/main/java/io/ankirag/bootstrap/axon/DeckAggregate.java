package io.ankirag.bootstrap.axon;

import io.ankirag.domain.deck.Deck;
import io.ankirag.domain.deck.DeckCommand;
import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckCommand.DeleteDeck;
import io.ankirag.domain.deck.DeckCommand.DescribeDeck;
import io.ankirag.domain.deck.DeckCommand.MoveDeck;
import io.ankirag.domain.deck.DeckCommand.RenameDeck;
import io.ankirag.domain.deck.DeckEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link Deck} in Axon: every handler asks the state to decide, every event evolves it. */
@Aggregate(type = "Deck", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class DeckAggregate {

    @AggregateIdentifier
    private UUID id;
    private Deck state = Deck.initial();

    DeckAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING) // an existing id is refused by the domain, not by the store
    void handle(CreateDeck command) {
        decide(command);
    }

    @CommandHandler
    void handle(RenameDeck command) {
        decide(command);
    }

    @CommandHandler
    void handle(DescribeDeck command) {
        decide(command);
    }

    @CommandHandler
    void handle(MoveDeck command) {
        decide(command);
    }

    @CommandHandler
    void handle(DeleteDeck command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(DeckEvent event) {
        id = event.deckId().value();
        state = state.evolve(event);
    }

    private void decide(DeckCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
