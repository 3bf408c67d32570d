package io.ankirag.bootstrap.axon;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.generation.Difficulty;
import io.ankirag.domain.generation.GenerationJobCommand.CancelGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.RecordGeneratedCard;
import io.ankirag.domain.generation.GenerationJobCommand.RequestGeneration;
import io.ankirag.domain.generation.GenerationJobCommand.StartGenerationRun;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCancelled;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationCardProduced;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRequested;
import io.ankirag.domain.generation.GenerationJobEvent.GenerationRunStarted;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationRequest;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptName;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wiring only: Axon routes each command to the pure job; {@code GenerationJobTest} in {@code domain} specifies it. */
class GenerationJobAggregateTest {

    private static final GenerationJobId JOB = new GenerationJobId(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final PromptName GENERATOR = new PromptName("card_generator");
    private static final GenerationRequest REQUEST = new GenerationRequest("asyncio", 3,
            new DeckId(UUID.fromString("00000000-0000-7000-8000-00000000000d")), PromptId.of(GENERATOR),
            PromptVersionId.ofSystem(GENERATOR), "en", Difficulty.BEGINNER, true, true);
    private static final UUID RUN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");
    private static final CardId CARD = new CardId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));

    private AggregateTestFixture<GenerationJobAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GenerationJobAggregate.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void requestingCreatesTheJob() {
        fixture.givenNoPriorActivity()
                .when(new RequestGeneration(JOB, OWNER, REQUEST, AT))
                .expectEvents(new GenerationRequested(JOB, OWNER, REQUEST, AT));
    }

    @Test
    void requestingAnExistingIdReachesThatJobAndIsRefused() {
        fixture.given(new GenerationRequested(JOB, OWNER, REQUEST, AT))
                .when(new RequestGeneration(JOB, OWNER, REQUEST, AT))
                .expectException(DomainException.class);
    }

    @Test
    void aRunRecordsCardsAndTheJobCanBeCancelled() {
        fixture.given(new GenerationRequested(JOB, OWNER, REQUEST, AT))
                .when(new StartGenerationRun(JOB, OWNER, RUN, AT))
                .expectEvents(new GenerationRunStarted(JOB, RUN, 1, AT));
        fixture.given(new GenerationRequested(JOB, OWNER, REQUEST, AT), new GenerationRunStarted(JOB, RUN, 1, AT))
                .when(new RecordGeneratedCard(JOB, OWNER, RUN, CARD, TemplateId.ofSystem("Basic"), Map.of("Front", "q", "Back", "a"),
                        null, "gpt-4o", AT))
                .expectEvents(new GenerationCardProduced(JOB, 1, 1, CARD, TemplateId.ofSystem("Basic"),
                        Map.of("Front", "q", "Back", "a"), null, "gpt-4o", AT));
        fixture.given(new GenerationRequested(JOB, OWNER, REQUEST, AT), new GenerationRunStarted(JOB, RUN, 1, AT))
                .when(new CancelGeneration(JOB, OWNER, AT))
                .expectEvents(new GenerationCancelled(JOB, AT));
    }
}
