package io.ankirag.application.port.out.prompt;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import java.util.List;
import java.util.Optional;

/** The prompts read model; deleted prompts are invisible. */
public interface PromptReadModelPort {

    Optional<PromptView> activeVersion(String name);

    /** One version by its id, active or not; empty when unknown or its prompt was deleted. */
    Optional<PromptView> version(PromptVersionId id);

    /** The active version of the prompt with that id; empty when unknown or deleted. */
    Optional<PromptView> activeVersion(PromptId id);

    /** Newest first; empty for an unknown name. */
    List<PromptView> versions(String name);

    /** Active versions sorted by name; {@code category} {@code null} for all. */
    Page<PromptView> activeVersions(PromptCategory category, PageRequest page);
}
