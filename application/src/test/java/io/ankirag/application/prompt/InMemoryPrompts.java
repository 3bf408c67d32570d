package io.ankirag.application.prompt;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.domain.prompt.Prompt;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptCommand;
import io.ankirag.domain.prompt.PromptEvent;
import io.ankirag.domain.prompt.PromptEvent.PromptCreated;
import io.ankirag.domain.prompt.PromptEvent.PromptDeleted;
import io.ankirag.domain.prompt.PromptEvent.PromptRevised;
import io.ankirag.domain.prompt.PromptEvent.PromptVersionActivated;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.shared.AggregateCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The real aggregate behind a command port, and a list of versions as the projection would keep it. */
final class InMemoryPrompts implements SendCommandPort, PromptReadModelPort {

    private final Map<PromptId, Prompt> aggregates = new HashMap<>();
    private final List<PromptView> rows = new ArrayList<>();
    private final Set<PromptId> deleted = new HashSet<>();
    final List<AggregateCommand> sent = new ArrayList<>();

    /** One by one: good enough for tests whose commands are never refused halfway. */
    @Override
    public void sendAll(java.util.List<? extends AggregateCommand> commands) {
        commands.forEach(this::send);
    }

    @Override
    public void send(AggregateCommand command) {
        sent.add(command);
        PromptCommand promptCommand = (PromptCommand) command;
        Prompt state = aggregates.getOrDefault(promptCommand.promptId(), Prompt.initial());
        for (PromptEvent event : state.decide(promptCommand)) {
            state = state.evolve(event);
            project(event);
        }
        aggregates.put(promptCommand.promptId(), state);
    }

    private void project(PromptEvent event) {
        switch (event) {
            case PromptCreated c -> rows.add(new PromptView(c.versionId(), c.promptId(), c.name(), 1, null, true, c.system(),
                    c.category(), c.systemPrompt(), c.userPromptTemplate(), c.variablesSchema(), c.temperature(),
                    c.maxTokens(), c.at(), c.createdBy()));
            case PromptRevised r -> {
                PromptView first = versionsOf(r.promptId()).getLast();
                rows.add(new PromptView(r.versionId(), r.promptId(), first.name(), r.version(), r.parentId(), false,
                        first.system(), r.category(), r.systemPrompt(), r.userPromptTemplate(), r.variablesSchema(),
                        r.temperature(), r.maxTokens(), r.at(), r.createdBy()));
            }
            case PromptVersionActivated a -> rows.replaceAll(v -> !v.promptId().equals(a.promptId()) ? v
                    : new PromptView(v.id(), v.promptId(), v.name(), v.version(), v.parentId(), v.id().equals(a.versionId()),
                    v.system(), v.category(), v.systemPrompt(), v.userPromptTemplate(), v.variablesSchema(),
                    v.temperature(), v.maxTokens(), v.createdAt(), v.createdBy()));
            case PromptDeleted d -> deleted.add(d.promptId());
        }
    }

    @Override
    public Optional<PromptView> activeVersion(String name) {
        return versions(name).stream().filter(PromptView::active).findFirst();
    }

    @Override
    public Optional<PromptView> version(io.ankirag.domain.prompt.PromptVersionId id) {
        return live().filter(v -> v.id().equals(id)).findFirst();
    }

    @Override
    public Optional<PromptView> activeVersion(PromptId id) {
        return live().filter(v -> v.promptId().equals(id) && v.active()).findFirst();
    }

    @Override
    public List<PromptView> versions(String name) {
        return live().filter(v -> v.name().equals(name))
                .sorted(Comparator.comparingInt(PromptView::version).reversed())
                .toList();
    }

    @Override
    public Page<PromptView> activeVersions(PromptCategory category, PageRequest page) {
        List<PromptView> active = live().filter(PromptView::active)
                .filter(v -> category == null || v.category() == category)
                .sorted(Comparator.comparing(PromptView::name))
                .toList();
        return new Page<>(active.stream().skip(page.offset()).limit(page.size()).toList(), active.size(), page.page(), page.size());
    }

    private List<PromptView> versionsOf(PromptId id) {
        return rows.stream().filter(v -> v.promptId().equals(id)).sorted(Comparator.comparingInt(PromptView::version).reversed()).toList();
    }

    private java.util.stream.Stream<PromptView> live() {
        return rows.stream().filter(v -> !deleted.contains(v.promptId()));
    }

    @Override
    public java.util.List<io.ankirag.domain.error.DomainException> sendTogether(
            java.util.List<? extends AggregateCommand> required, java.util.List<? extends AggregateCommand> each,
            java.util.function.Consumer<java.util.List<io.ankirag.domain.error.DomainException>> beforeCommit) {
        throw new UnsupportedOperationException("not used by the services under test");
    }
}
