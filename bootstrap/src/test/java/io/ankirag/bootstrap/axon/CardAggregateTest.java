package io.ankirag.bootstrap.axon;

import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.card.Tags;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wiring only, as {@link DeckAggregateTest} is for decks: Axon finds the card through our target resolver, routes
 * each command to the host, and the host applies what the pure card decides. {@code CardTest} in {@code domain}
 * specifies the behaviour.
 */
class CardAggregateTest {

    private static final CardId CARD = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final TemplateId TEMPLATE = TemplateId.ofSystem("Basic");
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-02T10:00:00Z");

    private static final TemplateFields SCHEMA = new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("Back", false)));
    private static final CreateCard CREATE = new CreateCard(CARD, OWNER, DECK, TEMPLATE, SCHEMA, Map.of("Front", "f"),
            new Tags(List.of("spanish")), CardOrigin.MANUAL, null, CREATED_AT);
    private static final CardCreated CREATED = new CardCreated(CARD, OWNER, DECK, TEMPLATE, fields("Front", "f", "Back", ""),
            List.of("spanish"), CardStatus.DRAFT, CardOrigin.MANUAL, null, CREATED_AT);

    private AggregateTestFixture<CardAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CardAggregate.class);
        // The commands carry no @TargetAggregateIdentifier: without the production resolver nothing is routed.
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void createCardStartsANewCard() {
        fixture.givenNoPriorActivity()
                .when(CREATE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void approveCardReachesTheCardItsIdNames() {
        fixture.given(CREATED)
                .when(new ApproveCard(CARD, OWNER, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CardApproved(CARD, NOW));
    }

    /** The one event sourcing handler on the sealed type must receive every kind of event: here the approval. */
    @Test
    void everyEventOfTheHistoryEvolvesTheCard() {
        fixture.given(CREATED, new CardApproved(CARD, CREATED_AT.plusSeconds(60)))
                .when(new ApproveCard(CARD, OWNER, NOW))
                .expectException(Matchers.<DomainException>predicate(refusal -> refusal.code() == ErrorCode.CARD_002))
                .expectNoEvents();
    }

    @Test
    void aRefusedTransitionSurfacesAsTheDomainExceptionWithItsCode() {
        fixture.given(CREATED)
                .when(new RecordCardSynced(CARD, OWNER, null, NOW))
                .expectException(DomainException.class)
                .expectException(Matchers.<DomainException>predicate(refusal -> refusal.code() == ErrorCode.CARD_002))
                .expectNoEvents();
    }

    /** Create-if-missing loads an existing card and lets the domain refuse, rather than the store failing later. */
    @Test
    void aSecondCreateForAnExistingCardIsRefusedByTheDomain() {
        fixture.given(CREATED)
                .when(CREATE)
                .expectException(DomainException.class)
                .expectException(Matchers.<DomainException>predicate(refusal -> refusal.code() == ErrorCode.REQ_002
                        && refusal.detail().contains("already exists")))
                .expectNoEvents();
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
