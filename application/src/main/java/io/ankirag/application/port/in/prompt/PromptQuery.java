package io.ankirag.application.port.in.prompt;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.domain.prompt.PromptCategory;
import java.util.List;

/** The installation's prompts, readable by every signed-in user; deleted prompts do not exist here. */
public interface PromptQuery {

    /** The active version of every prompt, sorted by name; {@code category} {@code null} for all. */
    Page<PromptView> prompts(PromptCategory category, PageRequest page);

    /** @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} when there is no such prompt */
    PromptView prompt(String name);

    /** Every version, newest first. @throws io.ankirag.domain.error.DomainException {@code PROMPT_001} */
    List<PromptView> versions(String name);
}
