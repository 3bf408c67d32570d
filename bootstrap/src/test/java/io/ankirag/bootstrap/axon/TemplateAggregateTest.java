package io.ankirag.bootstrap.axon;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.SystemTemplates.SystemTemplate;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateCommand.DeleteTemplate;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateEvent.TemplateDeleted;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Wiring only: commands reach the pure aggregate without Axon annotations, events come back out. */
class TemplateAggregateTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final SystemTemplate BASIC = SystemTemplates.BASIC;
    private static final CreateTemplate SEED_BASIC =
            new CreateTemplate(BASIC.id(), UserId.SYSTEM, BASIC.name(), BASIC.kind(), BASIC.design(), AT);
    private static final TemplateCreated BASIC_CREATED = new TemplateCreated(BASIC.id(), UserId.SYSTEM, "Basic", BASIC.kind(),
            "Basic", BASIC.design().fields().fields(), BASIC.design().cardTypes(), BASIC.design().css(), AT);

    private final FixtureConfiguration<TemplateAggregate> fixture = new AggregateTestFixture<>(TemplateAggregate.class)
            .registerCommandTargetResolver(new AggregateCommandTargetResolver());

    @Test
    void createsAMissingTemplate() {
        fixture.givenNoPriorActivity().when(SEED_BASIC).expectEvents(BASIC_CREATED);
    }

    @Test
    void creatingAnExistingTemplateAgainReachesTheState() {
        fixture.given(BASIC_CREATED).when(SEED_BASIC).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theSystemItselfMayDeleteASystemTemplate() {
        fixture.given(BASIC_CREATED).when(new DeleteTemplate(BASIC.id(), UserId.SYSTEM, AT))
                .expectEvents(new TemplateDeleted(BASIC.id(), AT));
    }

    @Test
    void refusalsComeBackAsDomainExceptions() {
        fixture.given(BASIC_CREATED).when(new DeleteTemplate(BASIC.id(), new UserId(UUID.randomUUID()), AT))
                .expectException(DomainException.class);
    }
}
