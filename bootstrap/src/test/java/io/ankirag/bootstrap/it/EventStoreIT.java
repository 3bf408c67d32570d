package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.domain.shared.SchemaVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Axon's event store lives in PostgreSQL (no Axon Server) and round-trips events as JSON. */
@IntegrationTest
class EventStoreIT {

    record SomethingHappened(String what, Instant when) {
    }

    @SchemaVersion(2)
    record SomethingReshaped(String what) {
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreAppendedToPostgresAsJsonAndReadBackInOrder() {
        String aggregateId = UUID.randomUUID().toString();
        Instant when = Instant.parse("2026-01-02T03:04:05Z");

        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("Probe", aggregateId, 0, new SomethingHappened("first", when)),
                new GenericDomainEventMessage<>("Probe", aggregateId, 1, new SomethingHappened("second", when))));

        List<Object> payloads = eventStore.readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
        assertThat(payloads).containsExactly(new SomethingHappened("first", when), new SomethingHappened("second", when));
        String stored = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                String.class, aggregateId);
        assertThat(stored).isEqualTo("{\"what\":\"first\",\"when\":\"2026-01-02T03:04:05Z\"}");
    }

    @Test
    void everyEventCarriesItsSchemaVersionForUpcasters() {
        String aggregateId = UUID.randomUUID().toString();

        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("Probe", aggregateId, 0, new SomethingHappened("unversioned", Instant.EPOCH)),
                new GenericDomainEventMessage<>("Probe", aggregateId, 1, new SomethingReshaped("second shape"))));

        assertThat(jdbc.queryForList("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, aggregateId)).containsExactly("1", "2");
    }
}
