package io.ankirag.application.prompt;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase;
import io.ankirag.application.port.in.prompt.PromptQuery;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase;
import io.ankirag.application.port.in.prompt.SeedSystemPromptsUseCase;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.prompt.PromptReadModelPort;
import io.ankirag.application.port.out.prompt.ValidateJsonSchemaPort;
import io.ankirag.application.port.out.prompt.ValidateJsonSchemaPort.DeclaredVariables;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptCommand.ActivatePromptVersion;
import io.ankirag.domain.prompt.PromptCommand.CreatePrompt;
import io.ankirag.domain.prompt.PromptCommand.DeletePrompt;
import io.ankirag.domain.prompt.PromptCommand.RevisePrompt;
import io.ankirag.domain.prompt.PromptContent;
import io.ankirag.domain.prompt.PromptName;
import io.ankirag.domain.prompt.PromptTemplate;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.prompt.SystemPrompts;
import io.ankirag.domain.prompt.SystemPrompts.SystemPrompt;
import io.ankirag.domain.user.UserId;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

public class PromptService implements PromptQuery, ManagePromptsUseCase, RenderPromptUseCase, SeedSystemPromptsUseCase {

    private final SendCommandPort commands;
    private final PromptReadModelPort prompts;
    private final ValidateJsonSchemaPort schemas;
    private final Clock clock;

    public PromptService(SendCommandPort commands, PromptReadModelPort prompts, ValidateJsonSchemaPort schemas, Clock clock) {
        this.commands = commands;
        this.prompts = prompts;
        this.schemas = schemas;
        this.clock = clock;
    }

    @Override
    public Page<PromptView> prompts(PromptCategory category, PageRequest page) {
        return prompts.activeVersions(category, page);
    }

    @Override
    public PromptView prompt(String name) {
        return prompts.activeVersion(name).orElseThrow(() -> notFound(name));
    }

    @Override
    public List<PromptView> versions(String name) {
        List<PromptView> versions = prompts.versions(name);
        if (versions.isEmpty()) {
            throw notFound(name);
        }
        return versions;
    }

    @Override
    public PromptView createPrompt(UserId actor, NewPrompt request) {
        PromptName name = new PromptName(request.name());
        PromptContent content = checked(new PromptContent(
                request.category() == null ? null : PromptCategory.of(request.category()),
                request.systemPrompt(),
                request.userPromptTemplate(),
                request.variablesSchema(),
                Objects.requireNonNullElse(request.temperature(), PromptContent.DEFAULT_TEMPERATURE),
                Objects.requireNonNullElse(request.maxTokens(), PromptContent.DEFAULT_MAX_TOKENS)));
        commands.send(new CreatePrompt(name, PromptVersionId.newId(clock), content, actor, clock.instant()));
        return prompt(name.value());
    }

    @Override
    public PromptView revisePrompt(UserId actor, String name, PromptRevision revision) {
        PromptView parent = revision.fromVersion() == null ? prompt(name) : version(name, revision.fromVersion());
        PromptContent content = checked(new PromptContent(
                revision.category() == null ? parent.category() : PromptCategory.of(revision.category()),
                Objects.requireNonNullElse(revision.systemPrompt(), parent.systemPrompt()),
                Objects.requireNonNullElse(revision.userPromptTemplate(), parent.userPromptTemplate()),
                Objects.requireNonNullElse(revision.variablesSchema(), parent.variablesSchema()),
                Objects.requireNonNullElse(revision.temperature(), parent.temperature()),
                Objects.requireNonNullElse(revision.maxTokens(), parent.maxTokens())));
        PromptVersionId id = PromptVersionId.newId(clock);
        commands.send(new RevisePrompt(parent.promptId(), id, parent.id(), content, revision.activate(), actor, clock.instant()));
        return versions(name).stream().filter(version -> version.id().equals(id)).findFirst().orElseThrow(() -> notFound(name));
    }

    @Override
    public PromptView activateVersion(UserId actor, String name, int version) {
        commands.send(new ActivatePromptVersion(prompt(name).promptId(), version, actor, clock.instant()));
        return prompt(name);
    }

    @Override
    public void deletePrompt(UserId actor, String name) {
        commands.send(new DeletePrompt(prompt(name).promptId(), actor, clock.instant()));
    }

    @Override
    public RenderedPrompt render(String name, Map<String, Object> variables) {
        return render(prompt(name), variables);
    }

    @Override
    public RenderedPrompt render(PromptVersionId version, Map<String, Object> variables) {
        return render(prompts.version(version)
                .orElseThrow(() -> new DomainException(ErrorCode.PROMPT_001, "no prompt version with id " + version)), variables);
    }

    private RenderedPrompt render(PromptView prompt, Map<String, Object> variables) {
        String name = prompt.name();
        DeclaredVariables declared = schemas.declaredVariables(prompt.variablesSchema());
        Map<String, Object> values = new HashMap<>(declared.defaults());
        values.putAll(variables);
        List<String> violations = schemas.violations(prompt.variablesSchema(), values);
        if (!violations.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, "variables do not fit prompt '" + name + "' (version "
                    + prompt.version() + "): " + String.join("; ", violations));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((variable, value) -> texts.put(variable, text(value)));
        return new RenderedPrompt(prompt.id(), prompt.name(), prompt.version(),
                new PromptTemplate(prompt.systemPrompt()).render(texts),
                new PromptTemplate(prompt.userPromptTemplate()).render(texts),
                prompt.temperature(), prompt.maxTokens());
    }

    @Override
    public void seedSystemPrompts() {
        for (SystemPrompt system : SystemPrompts.all()) {
            if (prompts.activeVersion(system.name().value()).isPresent()) {
                continue;
            }
            try {
                commands.send(new CreatePrompt(system.name(), PromptVersionId.ofSystem(system.name()),
                        checked(system.content()), UserId.SYSTEM, clock.instant()));
            } catch (DomainException refusal) {
                // The read model was behind the event store (say, replaying at start): the prompt exists, which is the aim.
                if (refusal.code() != ErrorCode.PROMPT_002) {
                    throw refusal;
                }
            }
        }
    }

    private PromptContent checked(PromptContent content) {
        content.requireDeclared(schemas.declaredVariables(content.variablesSchema()).names());
        return content;
    }

    private PromptView version(String name, int number) {
        return versions(name).stream()
                .filter(version -> version.version() == number)
                .findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.PROMPT_001, "prompt '" + name + "' has no version " + number));
    }

    /** Strings go in as they are: quoting them as JSON would put quotes into the prompt. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case String string -> string;
            case Collection<?> items -> items.stream().map(PromptService::text).collect(Collectors.joining(", "));
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + text(entry.getValue()))
                    .collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
    }

    private static DomainException notFound(String name) {
        return new DomainException(ErrorCode.PROMPT_001, "no prompt named '" + name + "'");
    }
}
