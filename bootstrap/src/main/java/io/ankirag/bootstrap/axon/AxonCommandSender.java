package io.ankirag.bootstrap.axon;

import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.deck.DeckCommand;
import io.ankirag.domain.deck.DeckEvent;
import io.ankirag.domain.generation.GenerationJobCommand;
import io.ankirag.domain.generation.GenerationJobEvent;
import io.ankirag.domain.prompt.PromptCommand;
import io.ankirag.domain.prompt.PromptEvent;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateEvent;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.AggregateCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends domain commands through Axon with the actor in the metadata (copied onto every event for the audit
 * trail), turns refusals back into {@link DomainException}s, and waits for the projections so that the
 * caller reads its own writes.
 */
@Component
class AxonCommandSender implements SendCommandPort {

    static final String ACTOR = "actor";

    private final CommandGateway gateway;
    private final ProjectionBarrier projections;
    private final TransactionManager transactions;

    AxonCommandSender(CommandGateway gateway, ProjectionBarrier projections, TransactionManager transactions) {
        this.gateway = gateway;
        this.projections = projections;
        this.transactions = transactions;
    }

    @Override
    public void send(AggregateCommand command) {
        dispatch(command);
        projections.awaitCatchUp(eventTypeOf(command));
    }

    /** One outer unit of work and transaction, as in {@link #sendEach}, but the first refusal rolls all of it back. */
    @Override
    public void sendAll(List<? extends AggregateCommand> commands) {
        dispatchAll(commands);
        projections.awaitCatchUp(eventTypeOf(commands));
    }

    @Override
    public void dispatchAll(List<? extends AggregateCommand> commands) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        try {
            for (AggregateCommand command : commands) {
                dispatch(command);
            }
            batch.commit();
        } catch (RuntimeException failure) {
            if (batch.isActive()) {
                batch.rollback(failure);
            }
            throw failure;
        }
    }

    /**
     * All commands run inside one outer unit of work and database transaction: each command still decides on
     * its own (a refusal affects only that command, which has written nothing), but the accepted commands'
     * events are stored with one commit, and the projections receive them as one batch.
     */
    @Override
    public List<DomainException> sendEach(List<? extends AggregateCommand> commands) {
        List<DomainException> refusals = new ArrayList<>(commands.size());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        try {
            for (AggregateCommand command : commands) {
                try {
                    dispatch(command);
                    refusals.add(null);
                } catch (DomainException refused) {
                    refusals.add(refused);
                }
            }
            batch.commit();
        } catch (RuntimeException failure) {
            if (batch.isActive()) {
                batch.rollback(failure);
            }
            throw failure;
        }
        projections.awaitCatchUp(eventTypeOf(commands));
        return refusals;
    }

    private static Class<?> eventTypeOf(List<? extends AggregateCommand> commands) {
        return commands.stream().<Class<?>>map(AxonCommandSender::eventTypeOf).distinct()
                .reduce((a, b) -> Object.class).orElse(Object.class);
    }

    /** Which events a command can cause: the projections that handle none of them need not be waited for. */
    private static Class<?> eventTypeOf(AggregateCommand command) {
        return switch (command) {
            case DeckCommand deck -> DeckEvent.class;
            case CardCommand card -> CardEvent.class;
            case TemplateCommand template -> TemplateEvent.class;
            case PromptCommand prompt -> PromptEvent.class;
            case GenerationJobCommand job -> GenerationJobEvent.class;
            default -> Object.class;
        };
    }

    private void dispatch(AggregateCommand command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of(ACTOR, command.actor().toString())));
        try {
            gateway.sendAndWait(message);
        } catch (CommandExecutionException wrapped) {
            throw unwrap(wrapped);
        }
    }

    /** A refusal that crossed a (possibly remote) bus carries its code in the details. */
    private static RuntimeException unwrap(CommandExecutionException wrapped) {
        if (wrapped.getCause() instanceof DomainException refusal) {
            return refusal;
        }
        return wrapped.getDetails()
                .filter(ErrorCode.class::isInstance)
                .map(code -> (RuntimeException) new DomainException((ErrorCode) code, wrapped.getMessage(), wrapped))
                .orElse(wrapped);
    }
}
