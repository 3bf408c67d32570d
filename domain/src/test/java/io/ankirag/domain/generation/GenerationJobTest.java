package io.ankirag.domain.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.GenerationJobCommand.CancelGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.CompleteGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.DropDuplicateCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.FailGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RecordGeneratedCard;
import io.ankirag.domain.generation.GenerationJobCommand.RejectCandidate;
import io.ankirag.domain.generation.GenerationJobCommand.ReportGenerationProgress;
import io.ankirag.domain.generation.GenerationJobCommand.RequestGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.StartGenerationRun;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCancelled;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCandidateRejected;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCardProduced;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCompleted;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationDuplicateDropped;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationFailed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationProgressed;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRequested;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRunStarted;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptName;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.testing.DeciderFixture;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenerationJobTest {

    private static final GenerationJobId JOB = new GenerationJobId(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final DeckId DECK = new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d"));
    private static final PromptName GENERATOR = new PromptName("card_generator");
    private static final TemplateId BASIC = TemplateId.ofSystem("Basic");
    private static final UUID RUN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID NEXT_RUN = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant LATER = AT.plusSeconds(5);
    private static final CardId CARD_1 = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    private static final CardId CARD_2 = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c2"));
    private static final CardId EXISTING = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000e1"));
    private static final Map<String, String> FIELDS = Map.of("Front", "What is asyncio?", "Back", "An event loop library");
    private static final FactCheck SUPPORTED = new FactCheck(FactCheck.Verdict.SUPPORTED, "docs agree", "",
            List.of(new FactCheck.Source("https://docs.python.org/3/library/asyncio.html", "asyncio")), "sonar");

    private static final GenerationRequest TWO_CARDS = request(2);
    private static final GenerationRequested REQUESTED = new GenerationRequested(JOB, OWNER, TWO_CARDS, AT);
    private static final GenerationRunStarted STARTED = new GenerationRunStarted(JOB, RUN, 1, AT);
    private static final GenerationCardProduced FIRST_CARD = new GenerationCardProduced(JOB, 1, 1, CARD_1, BASIC, FIELDS,
            null, "gpt-4o", AT);
    private static final GenerationDuplicateDropped DROPPED = new GenerationDuplicateDropped(JOB, 2, FIELDS, EXISTING, 0.97, AT);
    private static final GenerationCompleted COMPLETED = new GenerationCompleted(JOB, 1, 0, LATER);
    private static final GenerationFailed FAILED = new GenerationFailed(JOB, ErrorCode.GEN_001, "model unavailable", LATER);
    private static final GenerationCancelled CANCELLED = new GenerationCancelled(JOB, LATER);

    private final DeciderFixture<GenerationJob, GenerationJobCommand, GenerationJobEvent> job =
            DeciderFixture.of(GenerationJob.initial(), GenerationJob::decide, GenerationJob::evolve);

    // --- request

    @Test
    void requestingAJobRecordsTheLearnersRequest() {
        job.when(new RequestGeneration(JOB, OWNER, TWO_CARDS, AT))
                .then(REQUESTED);
    }

    @Test
    void requestingAnExistingJobAgainIsRefused() {
        job.given(REQUESTED)
                .when(new RequestGeneration(JOB, OWNER, TWO_CARDS, AT))
                .thenRefused(ErrorCode.REQ_002)
                .withDetailContaining("already exists");
    }

    @Test
    void aJobThatWasNeverRequestedIsNotFound() {
        job.when(new CancelGeneration(JOB, OWNER, AT))
                .thenRefused(ErrorCode.GEN_003);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 51, -1})
    void numCardsMustBeBetweenOneAndFifty(int numCards) {
        assertThatThrownBy(() -> request(numCards))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining("num_cards");
    }

    @Test
    void aRequestNeedsATopicAndALanguageTag() {
        assertThatThrownBy(() -> new GenerationRequest("  ", 5, DECK, PromptId.of(GENERATOR), PromptVersionId.ofSystem(GENERATOR),
                "en", Difficulty.BEGINNER, false, false)).hasMessageContaining("topic");
        assertThatThrownBy(() -> new GenerationRequest("asyncio", 5, DECK, PromptId.of(GENERATOR), PromptVersionId.ofSystem(GENERATOR),
                "english please", Difficulty.BEGINNER, false, false)).hasMessageContaining("language");
        assertThat(new GenerationRequest("  asyncio ", 5, DECK, PromptId.of(GENERATOR), PromptVersionId.ofSystem(GENERATOR),
                "pt-BR", Difficulty.BEGINNER, false, false).topic()).isEqualTo("asyncio");
    }

    @Test
    void difficultyDefaultsToIntermediateAndRefusesUnknownLevels() {
        assertThat(Difficulty.of(null)).isEqualTo(Difficulty.INTERMEDIATE);
        assertThat(Difficulty.of(" Advanced ")).isEqualTo(Difficulty.ADVANCED);
        assertThatThrownBy(() -> Difficulty.of("expert")).hasMessageContaining("beginner, intermediate or advanced");
    }

    // --- runs

    @Test
    void theFirstWorkerStartsRunOne() {
        job.given(REQUESTED)
                .when(new StartGenerationRun(JOB, OWNER, RUN, AT))
                .then(STARTED);
    }

    @Test
    void theSameRunStartingAgainChangesNothing() {
        job.given(REQUESTED, STARTED)
                .when(new StartGenerationRun(JOB, OWNER, RUN, LATER))
                .thenNothing();
    }

    @Test
    void aWorkerTakingOverAfterACrashStartsTheNextRun() {
        job.given(REQUESTED, STARTED, FIRST_CARD)
                .when(new StartGenerationRun(JOB, OWNER, NEXT_RUN, LATER))
                .then(new GenerationRunStarted(JOB, NEXT_RUN, 2, LATER));
    }

    @Test
    void theWorkerOfAnEarlierRunCanNoLongerWrite() {
        job.given(REQUESTED, STARTED, new GenerationRunStarted(JOB, NEXT_RUN, 2, LATER))
                .when(new RecordGeneratedCard(JOB, OWNER, RUN, CARD_1, BASIC, FIELDS, null, "gpt-4o", LATER))
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("another worker");
    }

    @Test
    void aJobInterruptedTooOftenIsGivenUp() {
        job.given(REQUESTED, STARTED, new GenerationRunStarted(JOB, UUID.randomUUID(), 2, AT),
                        new GenerationRunStarted(JOB, NEXT_RUN, GenerationJob.MAX_RUNS, AT))
                .when(new StartGenerationRun(JOB, OWNER, UUID.fromString("00000000-0000-4000-8000-000000000009"), LATER))
                .then(new GenerationFailed(JOB, ErrorCode.SYS_001, "generation was interrupted 3 times and has been given up", LATER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workerCommands")
    void nothingIsRecordedBeforeAWorkerStarts(GenerationJobCommand command) {
        job.given(REQUESTED)
                .when(command)
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("has not started");
    }

    // --- progress, cards, duplicates, rejections

    @Test
    void progressIsRecordedAsAMessage() {
        job.given(REQUESTED, STARTED)
                .when(new ReportGenerationProgress(JOB, OWNER, RUN, "  Asking the model for 2 cards ", LATER))
                .then(new GenerationProgressed(JOB, "Asking the model for 2 cards", LATER));
    }

    @Test
    void cardsAreNumberedInTheOrderTheyAreMade() {
        job.given(REQUESTED, STARTED, FIRST_CARD, DROPPED)
                .when(new RecordGeneratedCard(JOB, OWNER, RUN, CARD_2, BASIC, FIELDS, SUPPORTED, "gpt-4o", LATER))
                .then(new GenerationCardProduced(JOB, 2, 3, CARD_2, BASIC, FIELDS, SUPPORTED, "gpt-4o", LATER));
    }

    @Test
    void recordingTheSameCardTwiceChangesNothing() {
        job.given(REQUESTED, STARTED, FIRST_CARD)
                .when(new RecordGeneratedCard(JOB, OWNER, RUN, CARD_1, BASIC, FIELDS, null, "gpt-4o", LATER))
                .thenNothing();
    }

    @Test
    void aJobNeverHoldsMoreCardsThanAskedFor() {
        job.given(REQUESTED, STARTED, FIRST_CARD, new GenerationCardProduced(JOB, 2, 2, CARD_2, BASIC, FIELDS, null, "gpt-4o", AT))
                .when(new RecordGeneratedCard(JOB, OWNER, RUN, new CardId(UUID.randomUUID()), BASIC, FIELDS, null, "gpt-4o", LATER))
                .thenRefused(ErrorCode.GEN_002)
                .withDetailContaining("already has the 2 cards");
    }

    @Test
    void aDroppedDuplicateNamesTheExistingCard() {
        job.given(REQUESTED, STARTED, FIRST_CARD)
                .when(new DropDuplicateCandidate(JOB, OWNER, RUN, FIELDS, EXISTING, 0.97, AT))
                .then(DROPPED);
    }

    @Test
    void aRejectedCandidateKeepsItsReasonAndCountsAsFailed() {
        job.given(REQUESTED, STARTED)
                .when(new RejectCandidate(JOB, OWNER, RUN, Map.of("Text", "no deletion"), ErrorCode.REQ_002, "needs {{c1::...}}", AT))
                .then(new GenerationCandidateRejected(JOB, 1, Map.of("Text", "no deletion"), ErrorCode.REQ_002, "needs {{c1::...}}", AT));
        job.given(REQUESTED, STARTED, FIRST_CARD,
                        new GenerationCandidateRejected(JOB, 2, Map.of(), ErrorCode.REQ_002, "bad", AT), DROPPED)
                .when(new CompleteGeneration(JOB, OWNER, RUN, LATER))
                .then(new GenerationCompleted(JOB, 1, 1, LATER));
    }

    // --- the end

    @Test
    void completingCountsTheCardsMade() {
        job.given(REQUESTED, STARTED, FIRST_CARD, DROPPED)
                .when(new CompleteGeneration(JOB, OWNER, RUN, LATER))
                .then(COMPLETED);
    }

    @Test
    void failingKeepsTheCodeAndTheReason() {
        job.given(REQUESTED, STARTED, FIRST_CARD)
                .when(new FailGeneration(JOB, OWNER, RUN, ErrorCode.GEN_001, "model unavailable", LATER))
                .then(FAILED);
    }

    @Test
    void aPendingOrRunningJobCanBeCancelled() {
        job.given(REQUESTED)
                .when(new CancelGeneration(JOB, OWNER, LATER))
                .then(CANCELLED);
        job.given(REQUESTED, STARTED, FIRST_CARD)
                .when(new CancelGeneration(JOB, OWNER, LATER))
                .then(CANCELLED);
    }

    @Test
    void cancellingTwiceChangesNothing() {
        job.given(REQUESTED, STARTED, CANCELLED)
                .when(new CancelGeneration(JOB, OWNER, LATER))
                .thenNothing();
    }

    @Test
    void aCompletedOrFailedJobCannotBeCancelled() {
        job.given(REQUESTED, STARTED, FIRST_CARD, COMPLETED)
                .when(new CancelGeneration(JOB, OWNER, LATER))
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("is completed");
        job.given(REQUESTED, STARTED, FAILED)
                .when(new CancelGeneration(JOB, OWNER, LATER))
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("is failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workerCommands")
    void nothingIsAddedToACancelledJob(GenerationJobCommand command) {
        job.given(REQUESTED, STARTED, FIRST_CARD, CANCELLED)
                .when(command)
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("is cancelled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workerCommands")
    void nothingIsAddedToACompletedJob(GenerationJobCommand command) {
        job.given(REQUESTED, STARTED, FIRST_CARD, COMPLETED)
                .when(command)
                .thenRefused(ErrorCode.GEN_004)
                .withDetailContaining("is completed");
    }

    @Test
    void aFinishedJobIsNotStartedAgain() {
        job.given(REQUESTED, STARTED, COMPLETED)
                .when(new StartGenerationRun(JOB, OWNER, NEXT_RUN, LATER))
                .thenRefused(ErrorCode.GEN_004);
    }

    // --- ownership

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOfAStranger")
    void anotherUsersJobAnswersLikeAMissingOne(GenerationJobCommand command) {
        job.given(REQUESTED, STARTED)
                .when(command)
                .thenRefused(ErrorCode.GEN_003);
    }

    static Stream<GenerationJobCommand> workerCommands() {
        return Stream.of(
                new ReportGenerationProgress(JOB, OWNER, RUN, "working", LATER),
                new RecordGeneratedCard(JOB, OWNER, RUN, CARD_2, BASIC, FIELDS, null, "gpt-4o", LATER),
                new DropDuplicateCandidate(JOB, OWNER, RUN, FIELDS, EXISTING, 0.95, LATER),
                new RejectCandidate(JOB, OWNER, RUN, FIELDS, ErrorCode.REQ_002, "bad", LATER),
                new CompleteGeneration(JOB, OWNER, RUN, LATER),
                new FailGeneration(JOB, OWNER, RUN, ErrorCode.GEN_001, "down", LATER));
    }

    static Stream<GenerationJobCommand> everyCommandOfAStranger() {
        return Stream.of(
                new StartGenerationRun(JOB, STRANGER, NEXT_RUN, LATER),
                new ReportGenerationProgress(JOB, STRANGER, RUN, "working", LATER),
                new RecordGeneratedCard(JOB, STRANGER, RUN, CARD_2, BASIC, FIELDS, null, "gpt-4o", LATER),
                new DropDuplicateCandidate(JOB, STRANGER, RUN, FIELDS, EXISTING, 0.95, LATER),
                new RejectCandidate(JOB, STRANGER, RUN, FIELDS, ErrorCode.REQ_002, "bad", LATER),
                new CompleteGeneration(JOB, STRANGER, RUN, LATER),
                new FailGeneration(JOB, STRANGER, RUN, ErrorCode.GEN_001, "down", LATER),
                new CancelGeneration(JOB, STRANGER, LATER));
    }

    private static GenerationRequest request(int numCards) {
        return new GenerationRequest("Async/await in Python", numCards, DECK, PromptId.of(GENERATOR),
                PromptVersionId.ofSystem(GENERATOR), "en", Difficulty.INTERMEDIATE, false, false);
    }
}
