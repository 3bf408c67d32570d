package io.ankirag.bootstrap.axon;

import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckCommand.RenameDeck;
import io.ankirag.domain.deck.DeckDescription;
import io.ankirag.domain.deck.DeckEvent.DeckCreated;
import io.ankirag.domain.deck.DeckEvent.DeckRenamed;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.deck.DeckName;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wiring only: Axon finds the deck through our target resolver, routes each command to the host, and the host
 * applies what the pure deck decides. {@code DeckTest} in {@code domain} specifies the behaviour.
 *
 * <p>The fixture takes the pure host as it is: the host sets its {@code @AggregateIdentifier} in the event
 * sourcing handler, and the fixture's field-by-field comparison of events and state reads records fine.
 */
class DeckAggregateTest {

    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-02T10:00:00Z");

    private static final DeckCreated CREATED = new DeckCreated(DECK, OWNER, "Spanish", null, null, CREATED_AT);

    private AggregateTestFixture<DeckAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeckAggregate.class);
        // The commands carry no @TargetAggregateIdentifier: without the production resolver nothing is routed.
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void createDeckStartsANewDeck() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeck(DECK, OWNER, new DeckName("Spanish"), DeckDescription.NONE, null, CREATED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void renameDeckReachesTheDeckItsIdNames() {
        fixture.given(CREATED)
                .when(new RenameDeck(DECK, OWNER, new DeckName("Spanish verbs"), NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeckRenamed(DECK, "Spanish verbs", NOW));
    }

    /** The one event sourcing handler on the sealed type must receive every kind of event, not only the first. */
    @Test
    void everyEventOfTheHistoryEvolvesTheDeck() {
        fixture.given(CREATED, new DeckRenamed(DECK, "Spanish verbs", NOW))
                .when(new RenameDeck(DECK, OWNER, new DeckName("Spanish verbs"), NOW.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRefusalSurfacesAsTheDomainExceptionWithItsCode() {
        fixture.given(CREATED)
                .when(new RenameDeck(DECK, STRANGER, new DeckName("Spanish verbs"), NOW))
                .expectException(DomainException.class)
                .expectException(Matchers.<DomainException>predicate(refusal -> refusal.code() == ErrorCode.DECK_001))
                .expectNoEvents();
    }
}
