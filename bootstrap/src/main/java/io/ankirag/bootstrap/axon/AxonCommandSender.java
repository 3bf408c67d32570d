package io.ankirag.bootstrap.axon;

import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.domain.card.CardCommand;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.chat.ChatSessionCommand;
import io.ankirag.domain.chat.ChatSessionEvent;
import io.ankirag.domain.deck.DeckCommand;
import io.ankirag.domain.deck.DeckEvent;
import io.ankirag.domain.prompt.PromptCommand;
import io.ankirag.domain.prompt.PromptEvent;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateEvent;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.GenerationJobCommand;
import io.ankirag.domain.generation.GenerationJobEvent;
import io.ankirag.domain.shared.AggregateCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends domain commands through Axon with the actor in the metadata (copied onto every event for the audit
 * trail), turns refusals back into {@link DomainException}s, and waits for the projections so that the
 * caller reads its own writes.
 */
@Component
class AxonCommandSender implements SendCommandPort {

    static final String ACTOR = "actor";

    private static final int LOOKUP_CHUNK = 5_000;

    private final CommandGateway gateway;
    private final ProjectionBarrier projections;
    private final TransactionManager transactions;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    AxonCommandSender(CommandGateway gateway, ProjectionBarrier projections, TransactionManager transactions,
                      EventStore eventStore, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.projections = projections;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    @Override
    public void send(AggregateCommand command) {
        dispatch(command);
        projections.awaitCatchUp(eventTypeOf(command));
    }

    /** One outer unit of work and transaction through the command bus; the first refusal rolls all of it back. */
    @Override
    public void sendAll(List<? extends AggregateCommand> commands) {
        dispatchAll(commands);
        projections.awaitCatchUp(commands.stream().<Class<?>>map(AxonCommandSender::eventTypeOf)
                .collect(Collectors.toSet()), 0);
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
     * Decides the whole batch in-process, with the aggregates' own pure {@code decide}/{@code evolve} (all their Axon
     * hosts do, see {@link AggregateDeciders}), then stores every accepted event with one append and one commit.
     * Going through the command bus instead costs an event-store read per command, and inside one unit of work
     * Axon scans all events staged so far on each read: a 20,000-card import then took minutes. Aggregates that
     * already have events are loaded once each, before the unit starts; concurrent writers are caught by the event
     * store's unique (aggregate, sequence) key, which fails the whole unit.
     */
    @Override
    public List<DomainException> sendTogether(List<? extends AggregateCommand> required, List<? extends AggregateCommand> each,
                                              Consumer<List<DomainException>> beforeCommit) {
        Map<UUID, Loaded> aggregates = load(Stream.concat(required.stream(), each.stream()).toList());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (AggregateCommand command : required) {
            decide(command, aggregates, events);
        }
        List<DomainException> refusals = new ArrayList<>(each.size());
        for (AggregateCommand command : each) {
            try {
                decide(command, aggregates, events);
                refusals.add(null);
            } catch (DomainException refused) {
                refusals.add(refused);
            }
        }
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
        try {
            eventStore.publish(events);
            beforeCommit.accept(Collections.unmodifiableList(refusals));
            unit.commit();
        } catch (RuntimeException failure) {
            if (unit.isActive()) {
                unit.rollback(failure);
            }
            throw failure;
        }
        projections.awaitCatchUp(Stream.concat(required.stream(), each.stream())
                .<Class<?>>map(AxonCommandSender::eventTypeOf).collect(Collectors.toSet()), events.size());
        return refusals;
    }

    /** One aggregate's state while a batch is decided, and the sequence number of its last event. */
    private static final class Loaded {

        private final AggregateDeciders.Decider decider;
        private Object state;
        private long lastSequence;

        Loaded(AggregateDeciders.Decider decider, Object state, long lastSequence) {
            this.decider = decider;
            this.state = state;
            this.lastSequence = lastSequence;
        }
    }

    /** Decides {@code command} against its aggregate's state so far; the events go to {@code events}, the state on. */
    private static void decide(AggregateCommand command, Map<UUID, Loaded> aggregates, List<DomainEventMessage<?>> events) {
        Loaded aggregate = aggregates.get(command.aggregateId());
        List<?> decided = aggregate.decider.decide(aggregate.state, command);
        MetaData actor = MetaData.with(ACTOR, command.actor().toString());
        for (Object event : decided) {
            aggregate.state = aggregate.decider.evolve(aggregate.state, event);
            aggregate.lastSequence++;
            events.add(new GenericDomainEventMessage<>(aggregate.decider.type(), command.aggregateId().toString(),
                    aggregate.lastSequence, event, actor));
        }
    }

    /** Every addressed aggregate: new ones start from their initial state, existing ones are replayed from the store. */
    private Map<UUID, Loaded> load(List<? extends AggregateCommand> commands) {
        Map<UUID, AggregateDeciders.Decider> deciders = new LinkedHashMap<>();
        commands.forEach(command -> deciders.putIfAbsent(command.aggregateId(), AggregateDeciders.of(command)));
        Map<String, Long> existing = new HashMap<>();
        List<String> ids = deciders.keySet().stream().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            jdbc.query("SELECT aggregateidentifier, MAX(sequencenumber) FROM domainevententry"
                            + " WHERE aggregateidentifier = ANY(?) GROUP BY aggregateidentifier",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", chunk.toArray())),
                    row -> {
                        existing.put(row.getString(1), row.getLong(2));
                    });
        }
        Map<UUID, Loaded> aggregates = new HashMap<>();
        deciders.forEach((id, decider) -> {
            Object state = decider.initial();
            long last = -1;
            if (existing.containsKey(id.toString())) {
                DomainEventStream history = eventStore.readEvents(id.toString());
                while (history.hasNext()) {
                    state = decider.evolve(state, history.next().getPayload());
                }
                Long lastStored = history.getLastSequenceNumber();
                last = lastStored == null ? -1 : lastStored;
            }
            aggregates.put(id, new Loaded(decider, state, last));
        });
        return aggregates;
    }

    /** Which events a command can cause: the projections that handle none of them need not be waited for. */
    private static Class<?> eventTypeOf(AggregateCommand command) {
        return switch (command) {
            case DeckCommand deck -> DeckEvent.class;
            case CardCommand card -> CardEvent.class;
            case TemplateCommand template -> TemplateEvent.class;
            case PromptCommand prompt -> PromptEvent.class;
            case GenerationJobCommand job -> GenerationJobEvent.class;
            case ChatSessionCommand chat -> ChatSessionEvent.class;
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
