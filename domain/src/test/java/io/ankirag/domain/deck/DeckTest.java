package io.ankirag.domain.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.deck.DeckCommand.CreateDeck;
import io.ankirag.domain.deck.DeckCommand.DeleteDeck;
import io.ankirag.domain.deck.DeckCommand.DescribeDeck;
import io.ankirag.domain.deck.DeckCommand.MoveDeck;
import io.ankirag.domain.deck.DeckCommand.RenameDeck;
import io.ankirag.domain.deck.DeckEvent.DeckCreated;
import io.ankirag.domain.deck.DeckEvent.DeckDeleted;
import io.ankirag.domain.deck.DeckEvent.DeckDescribed;
import io.ankirag.domain.deck.DeckEvent.DeckMoved;
import io.ankirag.domain.deck.DeckEvent.DeckRenamed;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.testing.DeciderFixture;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeckTest {

    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final DeckId PARENT = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000a"));
    private static final DeckId OTHER_PARENT = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000b"));
    private static final DeckId CHILD = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000c"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-02T10:00:00Z");

    private static final DeckCreated CREATED = new DeckCreated(DECK, OWNER, "Spanish", "Verbs first", null, CREATED_AT);
    private static final DeckCreated CREATED_UNDER_PARENT = new DeckCreated(DECK, OWNER, "Spanish", "Verbs first", PARENT, CREATED_AT);
    private static final DeckDeleted DELETED = new DeckDeleted(DECK, CREATED_AT.plusSeconds(60));

    private final DeciderFixture<Deck, DeckCommand, DeckEvent> deck = DeciderFixture.of(Deck.initial(), Deck::decide, Deck::evolve);

    // --- create

    @Test
    void creatingATopLevelDeckRecordsOwnerNameAndDescription() {
        deck.when(new CreateDeck(DECK, OWNER, new DeckName("Spanish"), new DeckDescription("Verbs first"), null, CREATED_AT))
                .then(CREATED);
    }

    @Test
    void creatingASubDeckRecordsItsParent() {
        deck.when(new CreateDeck(DECK, OWNER, new DeckName("Spanish"), new DeckDescription("Verbs first"), PARENT, CREATED_AT))
                .then(CREATED_UNDER_PARENT);
    }

    @Test
    void creatingWithoutDescriptionRecordsNone() {
        deck.when(new CreateDeck(DECK, OWNER, new DeckName("Spanish"), DeckDescription.NONE, null, CREATED_AT))
                .then(new DeckCreated(DECK, OWNER, "Spanish", null, null, CREATED_AT));
    }

    @Test
    void aDeckCannotBeItsOwnParent() {
        deck.when(new CreateDeck(DECK, OWNER, new DeckName("Spanish"), DeckDescription.NONE, DECK, CREATED_AT))
                .thenRefused(ErrorCode.DECK_003)
                .withDetailContaining("own parent");
    }

    @Test
    void creatingAnExistingDeckAgainIsRefused() {
        deck.given(CREATED)
                .when(create(OWNER))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("already exists");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButCreate")
    void aDeckThatWasNeverCreatedIsNotFound(DeckCommand command) {
        deck.when(command)
                .thenRefused(ErrorCode.DECK_001)
                .withDetailContaining(DECK.toString());
    }

    // --- rename

    @Test
    void renamingToANewNameRecordsIt() {
        deck.given(CREATED)
                .when(new RenameDeck(DECK, OWNER, new DeckName("Spanish verbs"), NOW))
                .then(new DeckRenamed(DECK, "Spanish verbs", NOW));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        deck.given(CREATED)
                .when(new RenameDeck(DECK, OWNER, new DeckName("  Spanish "), NOW))
                .thenNothing();
    }

    @Test
    void aRenamedDeckKeepsItsNewName() {
        deck.given(CREATED, new DeckRenamed(DECK, "Spanish verbs", NOW))
                .when(new RenameDeck(DECK, OWNER, new DeckName("Spanish verbs"), NOW.plusSeconds(1)))
                .thenNothing();
    }

    // --- describe

    @Test
    void describingWithNewTextRecordsIt() {
        deck.given(CREATED)
                .when(new DescribeDeck(DECK, OWNER, new DeckDescription("Irregular verbs"), NOW))
                .then(new DeckDescribed(DECK, "Irregular verbs", NOW));
    }

    @Test
    void describingWithBlankTextRemovesTheDescription() {
        deck.given(CREATED)
                .when(new DescribeDeck(DECK, OWNER, new DeckDescription("   "), NOW))
                .then(new DeckDescribed(DECK, null, NOW));
    }

    @Test
    void describingWithTheSameTextChangesNothing() {
        deck.given(CREATED)
                .when(new DescribeDeck(DECK, OWNER, new DeckDescription("Verbs first\n"), NOW))
                .thenNothing();
    }

    @Test
    void removingAnAbsentDescriptionChangesNothing() {
        deck.given(new DeckCreated(DECK, OWNER, "Spanish", null, null, CREATED_AT))
                .when(new DescribeDeck(DECK, OWNER, DeckDescription.NONE, NOW))
                .thenNothing();
    }

    @Test
    void aDescribedDeckKeepsItsNewDescription() {
        deck.given(CREATED, new DeckDescribed(DECK, "Irregular verbs", NOW))
                .when(new DescribeDeck(DECK, OWNER, new DeckDescription("Irregular verbs"), NOW.plusSeconds(1)))
                .thenNothing();
    }

    // --- move

    @Test
    void movingUnderAnotherDeckRecordsThePreviousParent() {
        deck.given(CREATED_UNDER_PARENT)
                .when(move(OTHER_PARENT, List.of()))
                .then(new DeckMoved(DECK, PARENT, OTHER_PARENT, NOW));
    }

    @Test
    void movingATopLevelDeckUnderAnotherDeckRecordsNoPreviousParent() {
        deck.given(CREATED)
                .when(move(PARENT, List.of(OTHER_PARENT)))
                .then(new DeckMoved(DECK, null, PARENT, NOW));
    }

    @Test
    void movingToTheTopLevelRecordsNoParent() {
        deck.given(CREATED_UNDER_PARENT)
                .when(move(null, List.of()))
                .then(new DeckMoved(DECK, PARENT, null, NOW));
    }

    @Test
    void movingUnderTheSameParentChangesNothing() {
        deck.given(CREATED_UNDER_PARENT)
                .when(move(PARENT, List.of(OTHER_PARENT)))
                .thenNothing();
    }

    @Test
    void movingATopLevelDeckToTheTopLevelChangesNothing() {
        deck.given(CREATED)
                .when(move(null, List.of()))
                .thenNothing();
    }

    @Test
    void aMovedDeckKeepsItsNewParent() {
        deck.given(CREATED_UNDER_PARENT, new DeckMoved(DECK, PARENT, OTHER_PARENT, NOW))
                .when(move(OTHER_PARENT, List.of()))
                .thenNothing();
    }

    @Test
    void movingUnderItselfIsACircularReference() {
        deck.given(CREATED_UNDER_PARENT)
                .when(move(DECK, List.of(PARENT)))
                .thenRefused(ErrorCode.DECK_003);
    }

    @Test
    void movingUnderOwnDescendantIsACircularReference() {
        deck.given(CREATED_UNDER_PARENT)
                .when(move(CHILD, List.of(DECK, PARENT)))
                .thenRefused(ErrorCode.DECK_003)
                .withDetailContaining("sub-decks");
    }

    // --- delete

    @Test
    void deletingRecordsIt() {
        deck.given(CREATED)
                .when(new DeleteDeck(DECK, OWNER, NOW))
                .then(new DeckDeleted(DECK, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOfTheOwner")
    void aDeletedDeckIsNotFound(DeckCommand command) {
        deck.given(CREATED, DELETED)
                .when(command)
                .thenRefused(ErrorCode.DECK_001)
                .withDetailContaining(DECK.toString());
    }

    // --- ownership

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOfAStranger")
    void anotherUsersDeckAnswersLikeAMissingOne(DeckCommand command) {
        deck.given(CREATED)
                .when(command)
                .thenRefused(ErrorCode.DECK_001)
                .withDetailContaining("no deck with id " + DECK);
    }

    // --- history

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventButCreated")
    void aHistoryStartsWithCreation(DeckEvent first) {
        assertThatThrownBy(() -> deck.given(first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeckIsCreatedOnlyOnceInItsHistory() {
        assertThatThrownBy(() -> deck.given(CREATED, CREATED)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void nothingFollowsDeletionInAHistory(DeckEvent afterDeletion) {
        assertThatThrownBy(() -> deck.given(CREATED, DELETED, afterDeletion)).isInstanceOf(IllegalStateException.class);
    }

    /** The "every command" and "every event" tests above must grow with the sealed hierarchies. */
    @Test
    void theseSpecificationsListEveryCommandAndEvent() {
        assertThat(everyCommandOf(OWNER).map(Object::getClass)).containsExactlyInAnyOrder(DeckCommand.class.getPermittedSubclasses());
        assertThat(everyEvent().map(Object::getClass)).containsExactlyInAnyOrder(DeckEvent.class.getPermittedSubclasses());
    }

    static Stream<DeckCommand> everyCommandButCreate() {
        return everyCommandOf(OWNER).filter(command -> !(command instanceof CreateDeck));
    }

    static Stream<DeckCommand> everyCommandOfTheOwner() {
        return everyCommandOf(OWNER);
    }

    static Stream<DeckCommand> everyCommandOfAStranger() {
        return everyCommandOf(STRANGER);
    }

    private static Stream<DeckCommand> everyCommandOf(UserId actor) {
        return Stream.of(
                create(actor),
                new RenameDeck(DECK, actor, new DeckName("Spanish verbs"), NOW),
                new DescribeDeck(DECK, actor, new DeckDescription("Irregular verbs"), NOW),
                new MoveDeck(DECK, actor, OTHER_PARENT, List.of(), NOW),
                new DeleteDeck(DECK, actor, NOW));
    }

    static Stream<DeckEvent> everyEvent() {
        return Stream.of(
                CREATED,
                new DeckRenamed(DECK, "Spanish verbs", NOW),
                new DeckDescribed(DECK, "Irregular verbs", NOW),
                new DeckMoved(DECK, null, PARENT, NOW),
                new DeckDeleted(DECK, NOW));
    }

    static Stream<DeckEvent> everyEventButCreated() {
        return everyEvent().filter(event -> !(event instanceof DeckCreated));
    }

    private static CreateDeck create(UserId actor) {
        return new CreateDeck(DECK, actor, new DeckName("Spanish"), DeckDescription.NONE, null, NOW);
    }

    private static MoveDeck move(DeckId newParent, List<DeckId> ancestorsOfNewParent) {
        return new MoveDeck(DECK, OWNER, newParent, ancestorsOfNewParent, NOW);
    }
}
