package io.ankirag.adapter.in.rest.prompt;

import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.CreatePromptRequest;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.NewVersionRequest;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.PromptResponse;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.RenderRequest;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.RenderedPromptResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase.NewPrompt;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase.PromptRevision;
import io.ankirag.application.port.in.prompt.PromptQuery;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase;
import io.ankirag.domain.prompt.PromptCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The installation's LLM prompts: every signed-in user reads and renders them; the security chain admits only
 * the admin role to the writes.
 */
@RestController
@RequestMapping("/api/prompts")
@Tag(name = "Prompts")
class PromptController {

    private final PromptQuery prompts;
    private final ManagePromptsUseCase manage;
    private final RenderPromptUseCase render;
    private final PromptDtoMapper mapper;

    PromptController(PromptQuery prompts, ManagePromptsUseCase manage, RenderPromptUseCase render, PromptDtoMapper mapper) {
        this.prompts = prompts;
        this.manage = manage;
        this.render = render;
        this.mapper = mapper;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "The active version of every prompt, sorted by name; category narrows the list")
    PageResponse<PromptResponse> list(@RequestParam(required = false) String category,
                                      @RequestParam(defaultValue = "1") int page,
                                      @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        PromptCategory only = category == null ? null : PromptCategory.of(category);
        return PageResponse.of(prompts.prompts(only, new PageRequest(page, size)), mapper::toResponse);
    }

    @GetMapping("/{name}")
    @Operation(summary = "The active version of a prompt")
    PromptResponse get(@PathVariable String name) {
        return mapper.toResponse(prompts.prompt(name));
    }

    @GetMapping("/{name}/versions")
    @Operation(summary = "Every version of a prompt, newest first")
    List<PromptResponse> versions(@PathVariable String name) {
        return prompts.versions(name).stream().map(mapper::toResponse).toList();
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a prompt: its version 1, active (admin)")
    PromptResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreatePromptRequest request) {
        return mapper.toResponse(manage.createPrompt(caller.id(), new NewPrompt(request.name(), request.category(),
                request.systemPrompt(), request.userPromptTemplate(), mapper.schemaText(request.variablesSchema()),
                request.temperature(), request.maxTokens())));
    }

    @PostMapping("/{name}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a new version from the active one or from_version, active unless activate is false (admin)")
    PromptResponse revise(@AuthenticationPrincipal CurrentUser caller, @PathVariable String name,
                          @RequestBody NewVersionRequest request) {
        return mapper.toResponse(manage.revisePrompt(caller.id(), name, new PromptRevision(request.fromVersion(),
                request.category(), request.systemPrompt(), request.userPromptTemplate(),
                mapper.schemaText(request.variablesSchema()), request.temperature(), request.maxTokens(),
                request.activate() == null || request.activate())));
    }

    @PostMapping("/{name}/versions/{version}/activate")
    @Operation(summary = "Put a version in use, for instance to go back to an older one (admin)")
    PromptResponse activate(@AuthenticationPrincipal CurrentUser caller, @PathVariable String name, @PathVariable int version) {
        return mapper.toResponse(manage.activateVersion(caller.id(), name, version));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a prompt with all its versions; system prompts cannot be deleted (admin)")
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable String name) {
        manage.deletePrompt(caller.id(), name);
    }

    @PostMapping("/{name}/render")
    @Operation(summary = "Fill the active version's templates with variables checked against its schema (a preview)")
    RenderedPromptResponse render(@PathVariable String name, @RequestBody RenderRequest request) {
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        return mapper.toResponse(render.render(name, variables));
    }
}
