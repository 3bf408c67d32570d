package io.ankirag.bootstrap.axon;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptCommand.CreatePrompt;
import io.ankirag.domain.prompt.PromptCommand.RevisePrompt;
import io.ankirag.domain.prompt.PromptContent;
import io.ankirag.domain.prompt.PromptEvent.PromptCreated;
import io.ankirag.domain.prompt.PromptEvent.PromptRevised;
import io.ankirag.domain.prompt.PromptEvent.PromptVersionActivated;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptName;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wiring only: Axon routes each command to the pure aggregate, and creation finds an existing stream. */
class PromptAggregateTest {

    static final Instant AT = Instant.parse("2026-01-10T10:00:00Z");
    static final UserId ADMIN = new UserId(UUID.fromString("00000000-0000-7000-8000-0000000000ad"));
    static final PromptName NAME = new PromptName("quiz");
    static final PromptId ID = PromptId.of(NAME);
    static final PromptVersionId V1 = new PromptVersionId(new UUID(0x7000L, 1));
    static final PromptVersionId V2 = new PromptVersionId(new UUID(0x7000L, 2));
    static final PromptContent CONTENT = new PromptContent(PromptCategory.GENERATION, "", "Quiz on {topic}",
            "{\"type\":\"object\",\"properties\":{\"topic\":{}}}", 0.7, 100);
    static final PromptCreated CREATED = new PromptCreated(ID, V1, "quiz", false, CONTENT.category(), "",
            CONTENT.userPromptTemplate(), CONTENT.variablesSchema(), 0.7, 100, ADMIN, AT);

    FixtureConfiguration<PromptAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PromptAggregate.class)
                .registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void createsAPrompt() {
        fixture.givenNoPriorActivity()
                .when(new CreatePrompt(NAME, V1, CONTENT, ADMIN, AT))
                .expectEvents(CREATED);
    }

    @Test
    void creatingAnExistingNameReachesThatPromptAndIsRefused() {
        fixture.given(CREATED)
                .when(new CreatePrompt(NAME, V2, CONTENT, ADMIN, AT))
                .expectException(DomainException.class);
    }

    @Test
    void revisesAPrompt() {
        fixture.given(CREATED)
                .when(new RevisePrompt(ID, V2, V1, CONTENT, true, ADMIN, AT))
                .expectEvents(new PromptRevised(ID, V2, 2, V1, CONTENT.category(), "", CONTENT.userPromptTemplate(),
                                CONTENT.variablesSchema(), 0.7, 100, ADMIN, AT),
                        new PromptVersionActivated(ID, V2, 2, AT));
    }
}
