package io.ankirag.application.port.out.prompt;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.domain.prompt.PromptCategory;
import java.util.List;
import java.util.Optional;

/** The prompts read model; deleted prompts are invisible. */
public interface PromptReadModelPort {

    Optional<PromptView> activeVersion(String name);

    /** Newest first; empty for an unknown name. */
    List<PromptView> versions(String name);

    /** Active versions sorted by name; {@code category} {@code null} for all. */
    Page<PromptView> activeVersions(PromptCategory category, PageRequest page);
}
