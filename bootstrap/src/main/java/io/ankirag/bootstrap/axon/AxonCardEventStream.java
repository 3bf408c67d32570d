package io.ankirag.bootstrap.axon;

import io.ankirag.application.port.out.card.CardEventStreamPort;
import io.ankirag.domain.card.CardEvent;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.user.UserId;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a card's history straight from the event store: the audit trail is the events themselves. */
@Component
class AxonCardEventStream implements CardEventStreamPort {

    private final EventStore eventStore;

    AxonCardEventStream(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<RecordedCardEvent> eventsOf(CardId id) {
        return eventStore.readEvents(id.toString()).asStream()
                .filter(message -> message.getPayload() instanceof CardEvent)
                .map(AxonCardEventStream::recorded)
                .toList();
    }

    private static RecordedCardEvent recorded(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get(AxonCommandSender.ACTOR);
        return new RecordedCardEvent(message.getSequenceNumber(), (CardEvent) message.getPayload(),
                actor == null ? null : UserId.of(actor.toString()));
    }
}
