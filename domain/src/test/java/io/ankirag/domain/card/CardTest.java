package io.ankirag.domain.card;

import static io.ankirag.domain.card.CardStatus.APPROVED;
import static io.ankirag.domain.card.CardStatus.DRAFT;
import static io.ankirag.domain.card.CardStatus.REJECTED;
import static io.ankirag.domain.card.CardStatus.SYNCED;
import static io.ankirag.domain.card.CardStatus.SYNC_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ankirag.domain.card.CardCommand.ApproveCard;
import io.ankirag.domain.card.CardCommand.CreateCard;
import io.ankirag.domain.card.CardCommand.DeleteCard;
import io.ankirag.domain.card.CardCommand.EditCard;
import io.ankirag.domain.card.CardCommand.MoveCard;
import io.ankirag.domain.card.CardCommand.RecordCardSynced;
import io.ankirag.domain.card.CardCommand.RecordSyncConflict;
import io.ankirag.domain.card.CardCommand.RecordSyncFailure;
import io.ankirag.domain.card.CardCommand.RejectCard;
import io.ankirag.domain.card.CardEvent.CardApproved;
import io.ankirag.domain.card.CardEvent.CardCreated;
import io.ankirag.domain.card.CardEvent.CardDeleted;
import io.ankirag.domain.card.CardEvent.CardEdited;
import io.ankirag.domain.card.CardEvent.CardMoved;
import io.ankirag.domain.card.CardEvent.CardRejected;
import io.ankirag.domain.card.CardEvent.CardSyncConflictResolved;
import io.ankirag.domain.card.CardEvent.CardSyncFailed;
import io.ankirag.domain.card.CardEvent.CardSynced;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.testing.DeciderFixture;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardTest {

    private static final CardId CARD = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final DeckId OTHER_DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000e"));
    private static final TemplateId TEMPLATE = TemplateId.ofSystem("Basic");
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2025-03-01T11:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-02T10:00:00Z");
    private static final AnkiIds ANKI = new AnkiIds(1_700_000_000_001L, 1_700_000_000_002L);

    private static final TemplateFields SCHEMA = new TemplateFields(List.of(
            new TemplateField("Front", true),
            new TemplateField("Back", true),
            new TemplateField("Extra", false)));

    private static final CardCreated CREATED = new CardCreated(CARD, OWNER, DECK, TEMPLATE,
            fields("Front", "f", "Back", "b", "Extra", ""), List.of("spanish"), DRAFT, CardOrigin.MANUAL, null, CREATED_AT);
    private static final CardApproved APPROVED_EARLIER = new CardApproved(CARD, EARLIER);
    private static final CardRejected REJECTED_EARLIER = new CardRejected(CARD, "wrong", EARLIER);
    private static final CardSynced SYNCED_EARLIER = new CardSynced(CARD, ANKI, EARLIER.plusSeconds(60));
    private static final CardSyncFailed FAILED_ONCE = new CardSyncFailed(CARD, "AnkiConnect unavailable", 1, EARLIER.plusSeconds(60));
    private static final CardSyncFailed FAILED_TWICE = new CardSyncFailed(CARD, "timeout", 2, EARLIER.plusSeconds(120));
    private static final CardDeleted DELETED = new CardDeleted(CARD, DECK, EARLIER);

    /**
     * Spec 4.3 written out by hand, deliberately not taken from {@link CardStatus}: what a card in each status may
     * become. {@link #followsTheSpecifiedStatusTable} holds the aggregate to it, so a wrong table in
     * {@code CardStatus} fails here as well as in {@code CardStatusTest}.
     */
    private static final Map<CardStatus, Set<CardStatus>> SPECIFIED_TRANSITIONS = Map.of(
            DRAFT, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(REJECTED, SYNCED, SYNC_FAILED),
            REJECTED, Set.of(),
            SYNCED, Set.of(SYNCED, SYNC_FAILED),
            SYNC_FAILED, Set.of(SYNCED, SYNC_FAILED));

    private final DeciderFixture<Card, CardCommand, CardEvent> card = DeciderFixture.of(Card.initial(), Card::decide, Card::evolve);

    // --- create

    @Test
    void creatingAManualCardStartsADraftWithEmptyOptionalFields() {
        card.when(create(OWNER))
                .then(CREATED);
    }

    @Test
    void theCreatedFieldsFollowTheTemplatesOrder() {
        // Map equality ignores order, so the fixture's comparison cannot see this; Anki reads fields by position.
        CardCreated created = (CardCreated) Card.initial().decide(create(OWNER)).getFirst();

        assertThat(created.fields()).containsExactly(Map.entry("Front", "f"), Map.entry("Back", "b"), Map.entry("Extra", ""));
        assertThat(stateAfter(created).fields()).containsExactly(Map.entry("Front", "f"), Map.entry("Back", "b"), Map.entry("Extra", ""));
    }

    @Test
    void creatingAGeneratedCardStartsADraft() {
        card.when(create(CardOrigin.GENERATED, null))
                .then(new CardCreated(CARD, OWNER, DECK, TEMPLATE, CREATED.fields(), List.of("spanish"), DRAFT,
                        CardOrigin.GENERATED, null, CREATED_AT));
    }

    @Test
    void anImportedCardStartsSyncedWithAnkisIds() {
        card.when(create(CardOrigin.IMPORTED, ANKI))
                .then(new CardCreated(CARD, OWNER, DECK, TEMPLATE, CREATED.fields(), List.of("spanish"), SYNCED,
                        CardOrigin.IMPORTED, ANKI, CREATED_AT));
    }

    @Test
    void anImportedCardNeedsAnkisIds() {
        card.when(create(CardOrigin.IMPORTED, null))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("note id");
    }

    @Test
    void creatingWithAnUnknownFieldIsRefusedNamingIt() {
        card.when(createWith(fields("Front", "f", "Back", "b", "Hint", "h")))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("unknown field 'Hint'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void creatingWithAnEmptyRequiredFieldIsRefusedNamingIt(String empty) {
        card.when(createWith(fields("Front", "f", "Back", empty)))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("field 'Back' is required");
    }

    @Test
    void creatingWithoutARequiredFieldIsRefusedNamingIt() {
        card.when(createWith(fields("Back", "b")))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("field 'Front' is required");
    }

    @Test
    void theTagsAreRecordedAsTagsNormalisedThem() {
        card.when(new CreateCard(CARD, OWNER, DECK, TEMPLATE, SCHEMA, fields("Front", "f", "Back", "b"),
                        new Tags(List.of(" spanish ", "SPANISH", "verbs")), CardOrigin.MANUAL, null, CREATED_AT))
                .then(new CardCreated(CARD, OWNER, DECK, TEMPLATE, CREATED.fields(), List.of("spanish", "verbs"), DRAFT,
                        CardOrigin.MANUAL, null, CREATED_AT));
    }

    @Test
    void creatingAnExistingCardAgainIsRefused() {
        card.given(CREATED)
                .when(create(OWNER))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("already exists");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButCreate")
    void aCardThatWasNeverCreatedIsNotFound(CardCommand command) {
        card.when(command)
                .thenRefused(ErrorCode.CARD_001)
                .withDetailContaining(CARD.toString());
    }

    // --- edit

    @Test
    void editingFieldsReplacesThemAndKeepsTheTags() {
        card.given(CREATED)
                .when(edit(fields("Front", "f2", "Back", "b2", "Extra", "e2"), null))
                .then(new CardEdited(CARD, fields("Front", "f2", "Back", "b2", "Extra", "e2"), List.of("spanish"), NOW));
    }

    @Test
    void editingFieldsEmptiesTheOptionalOnesLeftOut() {
        card.given(CREATED, new CardEdited(CARD, fields("Front", "f", "Back", "b", "Extra", "e"), List.of("spanish"), EARLIER))
                .when(edit(fields("Front", "f", "Back", "b"), null))
                .then(new CardEdited(CARD, fields("Front", "f", "Back", "b", "Extra", ""), List.of("spanish"), NOW));
    }

    @Test
    void theEditedFieldsFollowTheTemplatesOrder() {
        // As on creation: the fixture's Map comparison ignores order.
        Card created = stateAfter(CREATED);
        CardEdited edited = (CardEdited) created.decide(edit(fields("Extra", "e2", "Back", "b2", "Front", "f2"), null)).getFirst();

        assertThat(edited.fields()).containsExactly(Map.entry("Front", "f2"), Map.entry("Back", "b2"), Map.entry("Extra", "e2"));
        assertThat(((Card.Active) created.evolve(edited)).fields())
                .containsExactly(Map.entry("Front", "f2"), Map.entry("Back", "b2"), Map.entry("Extra", "e2"));
    }

    @Test
    void editedFieldsAreCheckedAgainstTheSchemaTheEditBrings() {
        TemplateFields extraNowRequired = new TemplateFields(List.of(
                new TemplateField("Front", true), new TemplateField("Back", true), new TemplateField("Extra", true)));

        card.given(CREATED)
                .when(new EditCard(CARD, OWNER, extraNowRequired, fields("Front", "f2", "Back", "b2"), null, NOW))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("field 'Extra' is required");
    }

    @Test
    void editedFieldsMayUseAFieldTheTemplateGainedSinceCreation() {
        TemplateFields withHint = new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("Back", true),
                new TemplateField("Extra", false), new TemplateField("Hint", false)));

        card.given(CREATED)
                .when(new EditCard(CARD, OWNER, withHint, fields("Front", "f", "Back", "b", "Hint", "h"), null, NOW))
                .then(new CardEdited(CARD, fields("Front", "f", "Back", "b", "Extra", "", "Hint", "h"), List.of("spanish"), NOW));
    }

    @Test
    void editingWithAnUnknownFieldIsRefusedNamingIt() {
        card.given(CREATED)
                .when(edit(fields("Front", "f", "Back", "b", "Hint", "h"), null))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("unknown field 'Hint'");
    }

    @Test
    void editingARequiredFieldToEmptyIsRefusedNamingIt() {
        card.given(CREATED)
                .when(edit(fields("Front", " ", "Back", "b"), null))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("field 'Front' is required");
    }

    @Test
    void editingTagsOnlyKeepsTheFields() {
        card.given(CREATED)
                .when(edit(null, new Tags(List.of("verbs", "spanish"))))
                .then(new CardEdited(CARD, CREATED.fields(), List.of("verbs", "spanish"), NOW));
    }

    @Test
    void removingEveryTagIsAnEdit() {
        card.given(CREATED)
                .when(edit(null, Tags.NONE))
                .then(new CardEdited(CARD, CREATED.fields(), List.of(), NOW));
    }

    @Test
    void editingToTheSameFieldsAndTagsChangesNothing() {
        card.given(CREATED)
                .when(edit(fields("Back", "b", "Front", "f"), new Tags(List.of(" spanish", "SPANISH"))))
                .thenNothing();
    }

    @Test
    void anEditWithoutFieldsOrTagsChangesNothing() {
        card.given(CREATED)
                .when(new EditCard(CARD, OWNER, null, null, null, NOW))
                .thenNothing();
    }

    @Test
    void anEditedCardKeepsItsNewFieldsAndTags() {
        card.given(CREATED, new CardEdited(CARD, fields("Front", "f2", "Back", "b2", "Extra", ""), List.of("verbs"), EARLIER))
                .when(edit(fields("Front", "f2", "Back", "b2"), new Tags(List.of("verbs"))))
                .thenNothing();
    }

    // --- move

    @Test
    void movingToAnotherDeckRecordsBothDecks() {
        card.given(CREATED)
                .when(new MoveCard(CARD, OWNER, OTHER_DECK, NOW))
                .then(new CardMoved(CARD, DECK, OTHER_DECK, NOW));
    }

    @Test
    void movingToTheSameDeckChangesNothing() {
        card.given(CREATED)
                .when(new MoveCard(CARD, OWNER, DECK, NOW))
                .thenNothing();
    }

    @Test
    void aMovedCardIsInItsNewDeck() {
        card.given(CREATED, new CardMoved(CARD, DECK, OTHER_DECK, EARLIER))
                .when(new MoveCard(CARD, OWNER, OTHER_DECK, NOW))
                .thenNothing();
        card.given(CREATED, new CardMoved(CARD, DECK, OTHER_DECK, EARLIER))
                .when(new MoveCard(CARD, OWNER, DECK, NOW))
                .then(new CardMoved(CARD, OTHER_DECK, DECK, NOW));
    }

    // --- status: the complete table, every status against every status-changing command

    /** The commands that change a card's status, each with the status it asks for and the event it should yield. */
    enum StatusCommand {
        APPROVE(APPROVED) {
            @Override
            CardCommand command() {
                return new ApproveCard(CARD, OWNER, NOW);
            }

            @Override
            CardEvent expected(int attemptsSoFar) {
                return new CardApproved(CARD, NOW);
            }
        },
        REJECT(REJECTED) {
            @Override
            CardCommand command() {
                return new RejectCard(CARD, OWNER, "duplicate of another card", NOW);
            }

            @Override
            CardEvent expected(int attemptsSoFar) {
                return new CardRejected(CARD, "duplicate of another card", NOW);
            }
        },
        RECORD_SYNCED(SYNCED) {
            @Override
            CardCommand command() {
                return new RecordCardSynced(CARD, OWNER, ANKI, NOW);
            }

            @Override
            CardEvent expected(int attemptsSoFar) {
                return new CardSynced(CARD, ANKI, NOW);
            }
        },
        RECORD_SYNC_FAILURE(SYNC_FAILED) {
            @Override
            CardCommand command() {
                return new RecordSyncFailure(CARD, OWNER, "AnkiConnect unavailable", NOW);
            }

            @Override
            CardEvent expected(int attemptsSoFar) {
                return new CardSyncFailed(CARD, "AnkiConnect unavailable", attemptsSoFar + 1, NOW);
            }
        };

        final CardStatus target;

        StatusCommand(CardStatus target) {
            this.target = target;
        }

        abstract CardCommand command();

        abstract CardEvent expected(int attemptsSoFar);
    }

    @ParameterizedTest(name = "{0} card, {1}")
    @MethodSource("everyStatusWithEveryStatusCommand")
    void followsTheSpecifiedStatusTable(CardStatus from, StatusCommand command) {
        assertThat(SPECIFIED_TRANSITIONS).as("the specified table has a row for every status").containsKey(from);
        assertDecides(from, command, SPECIFIED_TRANSITIONS.get(from).contains(command.target));
    }

    @ParameterizedTest(name = "{0} card, {1}")
    @MethodSource("everyStatusWithEveryStatusCommand")
    void followsCardStatusNext(CardStatus from, StatusCommand command) {
        assertDecides(from, command, from.next().contains(command.target));
    }

    @ParameterizedTest
    @EnumSource(CardStatus.class)
    void cardStatusHasTheSpecifiedTable(CardStatus status) {
        assertThat(status.next()).isEqualTo(SPECIFIED_TRANSITIONS.get(status));
    }

    /** The table tests start from these histories: each must really leave the card in its status. */
    @ParameterizedTest
    @EnumSource(CardStatus.class)
    void eachHistoryOfTheTableLeavesTheCardInItsStatus(CardStatus status) {
        assertThat(stateAfter(historyIn(status)).status()).isEqualTo(status);
    }

    @Test
    void aRefusedTransitionSaysWhereTheCardCanGo() {
        card.given(CREATED)
                .when(StatusCommand.RECORD_SYNCED.command())
                .thenRefused(ErrorCode.CARD_002)
                .withDetailContaining("a draft card cannot become synced; it can become [approved, rejected]");
    }

    // --- reject

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void rejectingNeedsAReason(String blank) {
        card.given(CREATED)
                .when(new RejectCard(CARD, OWNER, blank, NOW))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("needs a reason");
    }

    @Test
    void aReasonMayBeExactlyTheMaximumLength() {
        String longest = "x".repeat(Card.MAX_REASON_LENGTH);

        card.given(CREATED)
                .when(new RejectCard(CARD, OWNER, longest, NOW))
                .then(new CardRejected(CARD, longest, NOW));
    }

    @Test
    void aReasonLongerThanTheMaximumIsRefused() {
        card.given(CREATED)
                .when(new RejectCard(CARD, OWNER, "x".repeat(Card.MAX_REASON_LENGTH + 1), NOW))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("at most 2000 characters");
    }

    @Test
    void theReasonIsRecordedTrimmed() {
        card.given(CREATED, APPROVED_EARLIER)
                .when(new RejectCard(CARD, OWNER, "  wrong answer \n", NOW))
                .then(new CardRejected(CARD, "wrong answer", NOW));
    }

    // --- sync

    @Test
    void recordingASuccessfulSyncKeepsAnkisIds() {
        card.given(CREATED, APPROVED_EARLIER)
                .when(new RecordCardSynced(CARD, OWNER, ANKI, NOW))
                .then(new CardSynced(CARD, ANKI, NOW));
        assertThat(stateAfter(CREATED, APPROVED_EARLIER, new CardSynced(CARD, ANKI, NOW)).ankiIds()).isEqualTo(ANKI);
    }

    @Test
    void theFirstFailedSyncIsAttemptOne() {
        card.given(CREATED, APPROVED_EARLIER)
                .when(new RecordSyncFailure(CARD, OWNER, "AnkiConnect unavailable", NOW))
                .then(new CardSyncFailed(CARD, "AnkiConnect unavailable", 1, NOW));
    }

    @Test
    void eachFurtherFailedSyncCountsOneMoreAttempt() {
        card.given(CREATED, APPROVED_EARLIER, FAILED_ONCE)
                .when(new RecordSyncFailure(CARD, OWNER, "timeout", NOW))
                .then(new CardSyncFailed(CARD, "timeout", 2, NOW));
        card.given(CREATED, APPROVED_EARLIER, FAILED_ONCE, FAILED_TWICE)
                .when(new RecordSyncFailure(CARD, OWNER, "timeout", NOW))
                .then(new CardSyncFailed(CARD, "timeout", 3, NOW));
    }

    @Test
    void aFailureWithoutAnErrorIsRecordedAsUnknown() {
        card.given(CREATED, APPROVED_EARLIER)
                .when(new RecordSyncFailure(CARD, OWNER, null, NOW))
                .then(new CardSyncFailed(CARD, "unknown error", 1, NOW));
    }

    @Test
    void aFailedSyncLeavesItsErrorAndCountOnTheCard() {
        Card.Active failed = stateAfter(CREATED, APPROVED_EARLIER, FAILED_ONCE, FAILED_TWICE);

        assertThat(failed.status()).isEqualTo(SYNC_FAILED);
        assertThat(failed.syncError()).isEqualTo("timeout");
        assertThat(failed.syncAttempts()).isEqualTo(2);
    }

    @Test
    void aLaterSuccessClearsTheErrorButKeepsTheCount() {
        Card.Active synced = stateAfter(CREATED, APPROVED_EARLIER, FAILED_ONCE, FAILED_TWICE, new CardSynced(CARD, ANKI, NOW));

        assertThat(synced.status()).isEqualTo(SYNCED);
        assertThat(synced.syncError()).isNull();
        assertThat(synced.syncAttempts()).isEqualTo(2);
        assertThat(synced.ankiIds()).isEqualTo(ANKI);
    }

    @Test
    void aSyncedCardPushedAgainRecordsItsNoteAgain() {
        card.given(CREATED, APPROVED_EARLIER, SYNCED_EARLIER)
                .when(new RecordCardSynced(CARD, OWNER, ANKI, NOW))
                .then(new CardSynced(CARD, ANKI, NOW));
    }

    // --- sync conflicts (issue 8)

    @Test
    void aConflictWithAnkiIsRecordedForTheHistoryAndChangesNothingElse() {
        card.given(CREATED, APPROVED_EARLIER, SYNCED_EARLIER)
                .when(new RecordSyncConflict(CARD, OWNER, "Anki's version was kept", NOW))
                .then(new CardSyncConflictResolved(CARD, "Anki's version was kept", NOW));
        Card.Active before = stateAfter(CREATED, APPROVED_EARLIER, SYNCED_EARLIER);
        assertThat(before.evolve(new CardSyncConflictResolved(CARD, "x", NOW))).isEqualTo(before);
    }

    @Test
    void aCardNeverSyncedHasNoConflictWithAnki() {
        card.given(CREATED)
                .when(new RecordSyncConflict(CARD, OWNER, "?", NOW))
                .thenRefused(ErrorCode.REQ_002);
    }

    // --- delete

    @ParameterizedTest
    @EnumSource(CardStatus.class)
    void deletingRecordsTheCardsDeckWhateverItsStatus(CardStatus status) {
        card.given(historyIn(status))
                .when(new DeleteCard(CARD, OWNER, NOW))
                .then(new CardDeleted(CARD, DECK, NOW));
    }

    @Test
    void deletingAMovedCardRecordsItsNewDeck() {
        card.given(CREATED, new CardMoved(CARD, DECK, OTHER_DECK, EARLIER))
                .when(new DeleteCard(CARD, OWNER, NOW))
                .then(new CardDeleted(CARD, OTHER_DECK, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOfTheOwner")
    void aDeletedCardIsNotFound(CardCommand command) {
        card.given(CREATED, DELETED)
                .when(command)
                .thenRefused(ErrorCode.CARD_001)
                .withDetailContaining(CARD.toString());
    }

    // --- ownership

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOfAStranger")
    void anotherUsersCardAnswersLikeAMissingOne(CardCommand command) {
        card.given(CREATED)
                .when(command)
                .thenRefused(ErrorCode.CARD_001)
                .withDetailContaining("no card with id " + CARD);
    }

    // --- history

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventButCreated")
    void aHistoryStartsWithCreation(CardEvent first) {
        assertThatThrownBy(() -> card.given(first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCardIsCreatedOnlyOnceInItsHistory() {
        assertThatThrownBy(() -> card.given(CREATED, CREATED)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void nothingFollowsDeletionInAHistory(CardEvent afterDeletion) {
        assertThatThrownBy(() -> card.given(CREATED, DELETED, afterDeletion)).isInstanceOf(IllegalStateException.class);
    }

    /** The "every command" and "every event" tests above must grow with the sealed hierarchies. */
    @Test
    void theseSpecificationsListEveryCommandAndEvent() {
        assertThat(everyCommandOf(OWNER).map(Object::getClass)).containsExactlyInAnyOrder(CardCommand.class.getPermittedSubclasses());
        assertThat(everyEvent().map(Object::getClass)).containsExactlyInAnyOrder(CardEvent.class.getPermittedSubclasses());
        assertThat(Arrays.stream(StatusCommand.values()).<Class<?>>map(command -> command.command().getClass()))
                .containsExactlyInAnyOrder(ApproveCard.class, RejectCard.class, RecordCardSynced.class, RecordSyncFailure.class);
        assertThat(Arrays.stream(StatusCommand.values()).map(command -> command.target))
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(DRAFT)));
    }

    static Stream<Arguments> everyStatusWithEveryStatusCommand() {
        return Stream.of(CardStatus.values())
                .flatMap(status -> Stream.of(StatusCommand.values()).map(command -> arguments(status, command)));
    }

    static Stream<CardCommand> everyCommandButCreate() {
        return everyCommandOf(OWNER).filter(command -> !(command instanceof CreateCard));
    }

    static Stream<CardCommand> everyCommandOfTheOwner() {
        return everyCommandOf(OWNER);
    }

    static Stream<CardCommand> everyCommandOfAStranger() {
        return everyCommandOf(STRANGER);
    }

    private static Stream<CardCommand> everyCommandOf(UserId actor) {
        return Stream.of(
                create(actor),
                new EditCard(CARD, actor, SCHEMA, fields("Front", "f2", "Back", "b2"), new Tags(List.of("verbs")), NOW),
                new MoveCard(CARD, actor, OTHER_DECK, NOW),
                new ApproveCard(CARD, actor, NOW),
                new RejectCard(CARD, actor, "wrong", NOW),
                new RecordCardSynced(CARD, actor, ANKI, NOW),
                new RecordSyncFailure(CARD, actor, "timeout", NOW),
                new RecordSyncConflict(CARD, actor, "Anki's version was kept", NOW),
                new DeleteCard(CARD, actor, NOW));
    }

    static Stream<CardEvent> everyEvent() {
        return Stream.of(
                CREATED,
                new CardEdited(CARD, fields("Front", "f2", "Back", "b2", "Extra", ""), List.of(), NOW),
                new CardMoved(CARD, DECK, OTHER_DECK, NOW),
                new CardApproved(CARD, NOW),
                new CardRejected(CARD, "wrong", NOW),
                new CardSynced(CARD, ANKI, NOW),
                new CardSyncFailed(CARD, "timeout", 1, NOW),
                new CardSyncConflictResolved(CARD, "Anki's version was kept", NOW),
                new CardDeleted(CARD, DECK, NOW));
    }

    static Stream<CardEvent> everyEventButCreated() {
        return everyEvent().filter(event -> !(event instanceof CardCreated));
    }

    private void assertDecides(CardStatus from, StatusCommand command, boolean allowed) {
        CardEvent[] history = historyIn(from);
        DeciderFixture<Card, CardCommand, CardEvent>.When when = card.given(history).when(command.command());
        if (allowed) {
            when.then(command.expected(stateAfter(history).syncAttempts()));
        } else {
            when.thenRefused(ErrorCode.CARD_002)
                    .withDetailContaining("a " + from.name().toLowerCase() + " card cannot become " + command.target.name().toLowerCase());
        }
    }

    /** A history that leaves the card in {@code status}, reached the way spec 4.3 draws it. */
    private static CardEvent[] historyIn(CardStatus status) {
        return switch (status) {
            case DRAFT -> new CardEvent[] {CREATED};
            case APPROVED -> new CardEvent[] {CREATED, APPROVED_EARLIER};
            case REJECTED -> new CardEvent[] {CREATED, REJECTED_EARLIER};
            case SYNCED -> new CardEvent[] {CREATED, APPROVED_EARLIER, SYNCED_EARLIER};
            case SYNC_FAILED -> new CardEvent[] {CREATED, APPROVED_EARLIER, FAILED_ONCE};
        };
    }

    private static Card.Active stateAfter(CardEvent... history) {
        Card state = Card.initial();
        for (CardEvent event : history) {
            state = state.evolve(event);
        }
        assertThat(state).isInstanceOf(Card.Active.class);
        return (Card.Active) state;
    }

    private static CreateCard create(UserId actor) {
        return new CreateCard(CARD, actor, DECK, TEMPLATE, SCHEMA, fields("Back", "b", "Front", "f"),
                new Tags(List.of("spanish")), CardOrigin.MANUAL, null, CREATED_AT);
    }

    private static CreateCard create(CardOrigin origin, AnkiIds ankiIds) {
        return new CreateCard(CARD, OWNER, DECK, TEMPLATE, SCHEMA, fields("Front", "f", "Back", "b"),
                new Tags(List.of("spanish")), origin, ankiIds, CREATED_AT);
    }

    private static CreateCard createWith(Map<String, String> fields) {
        return new CreateCard(CARD, OWNER, DECK, TEMPLATE, SCHEMA, fields, Tags.NONE, CardOrigin.MANUAL, null, CREATED_AT);
    }

    private static EditCard edit(Map<String, String> fields, Tags tags) {
        return new EditCard(CARD, OWNER, fields == null ? null : SCHEMA, fields, tags, NOW);
    }

    /** Name, value, name, value, ... in the order given. */
    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
