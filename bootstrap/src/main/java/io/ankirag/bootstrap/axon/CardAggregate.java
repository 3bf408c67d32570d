package io.ankirag.bootstrap.axon;

import io.ankirag.domain.card.Card;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.DeleteCard;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardCommand.MoveCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardCommand.RecordSyncConflict;
import io.ankirag.domain.card.CardCommand.RecordSyncFailure;
import io.ankirag.domain.card.CardCommand.RejectCard;
import io.ankirag.domain.card.CardEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Hosts the pure {@link Card} in Axon, exactly as {@link DeckAggregate} hosts decks. */
@Aggregate(type = "Card", commandTargetResolver = AggregateCommandTargetResolver.BEAN_NAME)
class CardAggregate {

    @AggregateIdentifier
    private UUID id;
    private Card state = Card.initial();

    CardAggregate() {
        // Axon creates an empty instance, then replays the stream or handles the creating command.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING) // an existing id is refused by the domain, not by the store
    void handle(CreateCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(EditCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(MoveCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(ApproveCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(RejectCard command) {
        decide(command);
    }

    @CommandHandler
    void handle(RecordCardSynced command) {
        decide(command);
    }

    @CommandHandler
    void handle(RecordSyncFailure command) {
        decide(command);
    }

    @CommandHandler
    void handle(RecordSyncConflict command) {
        decide(command);
    }

    @CommandHandler
    void handle(DeleteCard command) {
        decide(command);
    }

    @EventSourcingHandler
    void on(CardEvent event) {
        id = event.cardId().value();
        state = state.evolve(event);
    }

    private void decide(CardCommand command) {
        state.decide(command).forEach(AggregateLifecycle::apply);
    }
}
