package io.ankirag.application.fakes;

import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.CardTemplate;
import io.ankirag.domain.template.TemplateCommand;
import io.ankirag.domain.template.TemplateEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An event store for templates: each command is decided by the aggregate rebuilt from its stream. */
public final class InMemoryTemplateEvents implements SendCommandPort {

    private final Map<UUID, List<TemplateEvent>> streams = new LinkedHashMap<>();

    public void append(TemplateEvent event) {
        streams.computeIfAbsent(event.templateId().value(), id -> new ArrayList<>()).add(event);
    }

    public List<TemplateEvent> all() {
        return streams.values().stream().flatMap(List::stream).toList();
    }

    /** One by one: good enough for tests whose commands are never refused halfway. */
    @Override
    public void sendAll(java.util.List<? extends AggregateCommand> commands) {
        commands.forEach(this::send);
    }

    @Override
    public void send(AggregateCommand command) {
        CardTemplate state = CardTemplate.initial();
        for (TemplateEvent event : streams.getOrDefault(command.aggregateId(), List.of())) {
            state = state.evolve(event);
        }
        state.decide((TemplateCommand) command).forEach(this::append);
    }

    @Override
    public java.util.List<io.ankirag.domain.error.DomainException> sendTogether(
            java.util.List<? extends AggregateCommand> required, java.util.List<? extends AggregateCommand> each,
            java.util.function.Consumer<java.util.List<io.ankirag.domain.error.DomainException>> beforeCommit) {
        throw new UnsupportedOperationException("not used by the services under test");
    }
}
