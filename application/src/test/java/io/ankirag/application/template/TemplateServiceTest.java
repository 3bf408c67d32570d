package io.ankirag.application.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.fakes.InMemoryTemplateEvents;
import io.ankirag.application.fakes.MutableClock;
import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.SystemTemplates.SystemTemplate;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateEvent.TemplateRevised;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTemplateEvents events = new InMemoryTemplateEvents();
    private final TemplateService service = new TemplateService(events, null, clock); // seeding reads no read model

    @Test
    void seedingTwiceCreatesEachSystemTemplateOnce() {
        service.seedSystemTemplates();
        service.seedSystemTemplates();

        assertThat(events.all()).hasSize(SystemTemplates.ALL.size()).allMatch(TemplateCreated.class::isInstance);
    }

    @Test
    void seedingBringsASystemTemplateFromAnEarlierReleaseUpToDate() {
        SystemTemplate basic = SystemTemplates.BASIC;
        var design = basic.design();
        events.append(new TemplateCreated(basic.id(), UserId.SYSTEM, "Basic", basic.kind(), "Basic", design.fields().fields(),
                design.cardTypes(), ".card { font-family: times; }", clock.instant()));

        service.seedSystemTemplates();

        assertThat(events.all()).filteredOn(TemplateRevised.class::isInstance).singleElement()
                .isEqualTo(new TemplateRevised(basic.id(), "Basic", design.fields().fields(), design.cardTypes(), design.css(),
                        clock.instant()));
    }
}
