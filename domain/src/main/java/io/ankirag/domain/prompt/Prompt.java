package io.ankirag.domain.prompt;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.shared.ImpossibleHistory;
import io.ankirag.domain.prompt.PromptCommand.ActivatePromptVersion;
import io.ankirag.domain.prompt.PromptCommand.CreatePrompt;
import io.ankirag.domain.prompt.PromptCommand.DeletePrompt;
import io.ankirag.domain.prompt.PromptCommand.RevisePrompt;
import io.ankirag.domain.prompt.PromptEvent.PromptCreated;
import io.ankirag.domain.prompt.PromptEvent.PromptDeleted;
import io.ankirag.domain.prompt.PromptEvent.PromptRevised;
import io.ankirag.domain.prompt.PromptEvent.PromptVersionActivated;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * A named family of immutable prompt versions, numbered from 1, exactly one of them active. {@link Unborn}
 * until created, {@link Active} while in use, {@link Deleted} for good: a deleted prompt's name stays taken,
 * so a version id recorded by an old generation never points into a different prompt of the same name.
 *
 * <p>System prompts (created by {@link UserId#SYSTEM}) take new versions like any other but cannot be deleted:
 * generation and chat depend on them.
 */
public sealed interface Prompt {

    List<PromptEvent> decide(PromptCommand command);

    Prompt evolve(PromptEvent event);

    static Prompt initial() {
        return new Unborn();
    }

    record Unborn() implements Prompt {

        @Override
        public List<PromptEvent> decide(PromptCommand command) {
            if (command instanceof CreatePrompt create) {
                PromptContent content = create.content();
                return List.of(new PromptCreated(create.promptId(), create.versionId(), create.name().value(),
                        UserId.SYSTEM.equals(create.actor()), content.category(), content.systemPrompt(),
                        content.userPromptTemplate(), content.variablesSchema(), content.temperature(), content.maxTokens(),
                        create.actor(), create.at()));
            }
            throw notFound(command.promptId());
        }

        @Override
        public Prompt evolve(PromptEvent event) {
            if (event instanceof PromptCreated created) {
                return new Active(created.promptId(), created.name(), created.system(), List.of(created.versionId()), 1);
            }
            throw new ImpossibleHistory(this, event);
        }
    }

    /** @param versions every version's id, version {@code n} at index {@code n - 1} */
    record Active(PromptId id, String name, boolean system, List<PromptVersionId> versions, int activeVersion)
            implements Prompt {

        public Active {
            versions = List.copyOf(versions);
        }

        @Override
        public List<PromptEvent> decide(PromptCommand command) {
            return switch (command) {
                case CreatePrompt create -> throw new DomainException(ErrorCode.PROMPT_002, "a prompt named '" + name + "' already exists");
                case RevisePrompt revise -> revise(revise);
                case ActivatePromptVersion activate -> activate(activate);
                case DeletePrompt delete -> {
                    if (system) {
                        throw new DomainException(ErrorCode.PROMPT_003,
                                "'" + name + "' is a system prompt: it cannot be deleted, only revised");
                    }
                    yield List.of(new PromptDeleted(id, delete.at()));
                }
            };
        }

        private List<PromptEvent> revise(RevisePrompt revise) {
            if (!versions.contains(revise.parentId())) {
                throw new DomainException(ErrorCode.PROMPT_001, "prompt '" + name + "' has no version " + revise.parentId());
            }
            if (versions.contains(revise.versionId())) {
                throw new DomainException(ErrorCode.REQ_002, "prompt '" + name + "' already has a version " + revise.versionId());
            }
            int number = versions.size() + 1;
            PromptContent content = revise.content();
            var revised = new PromptRevised(id, revise.versionId(), number, revise.parentId(), content.category(),
                    content.systemPrompt(), content.userPromptTemplate(), content.variablesSchema(), content.temperature(),
                    content.maxTokens(), revise.actor(), revise.at());
            return revise.activate()
                    ? List.of(revised, new PromptVersionActivated(id, revise.versionId(), number, revise.at()))
                    : List.of(revised);
        }

        private List<PromptEvent> activate(ActivatePromptVersion activate) {
            int number = activate.version();
            if (number < 1 || number > versions.size()) {
                throw new DomainException(ErrorCode.PROMPT_001, "prompt '" + name + "' has no version " + number);
            }
            if (number == activeVersion) {
                return List.of();
            }
            return List.of(new PromptVersionActivated(id, versions.get(number - 1), number, activate.at()));
        }

        @Override
        public Prompt evolve(PromptEvent event) {
            return switch (event) {
                case PromptCreated created -> throw new ImpossibleHistory(this, event);
                case PromptRevised revised -> {
                    List<PromptVersionId> next = new ArrayList<>(versions);
                    next.add(revised.versionId());
                    yield new Active(id, name, system, next, activeVersion);
                }
                case PromptVersionActivated activated -> new Active(id, name, system, versions, activated.version());
                case PromptDeleted deleted -> new Deleted(id, name);
            };
        }
    }

    record Deleted(PromptId id, String name) implements Prompt {

        @Override
        public List<PromptEvent> decide(PromptCommand command) {
            if (command instanceof CreatePrompt) {
                throw new DomainException(ErrorCode.PROMPT_002,
                        "the name '" + name + "' belonged to a deleted prompt and stays reserved; choose another");
            }
            throw notFound(id);
        }

        @Override
        public Prompt evolve(PromptEvent event) {
            throw new ImpossibleHistory(this, event);
        }
    }

    private static DomainException notFound(PromptId id) {
        return new DomainException(ErrorCode.PROMPT_001, "no prompt with id " + id);
    }

}
