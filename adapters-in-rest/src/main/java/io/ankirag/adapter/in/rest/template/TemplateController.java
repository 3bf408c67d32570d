package io.ankirag.adapter.in.rest.template;

import io.ankirag.adapter.in.rest.page.PageResponse;
import io.ankirag.adapter.in.rest.security.CurrentUser;
import io.ankirag.adapter.in.rest.template.TemplateDtos.CreateTemplateRequest;
import io.ankirag.adapter.in.rest.template.TemplateDtos.PreviewRequest;
import io.ankirag.adapter.in.rest.template.TemplateDtos.PreviewResponse;
import io.ankirag.adapter.in.rest.template.TemplateDtos.ReviseTemplateRequest;
import io.ankirag.adapter.in.rest.template.TemplateDtos.TemplateResponse;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.template.ManageTemplatesUseCase;
import io.ankirag.application.port.in.template.TemplatePreviewQuery;
import io.ankirag.application.port.in.template.TemplatePreviewQuery.CardPreview;
import io.ankirag.application.port.in.template.TemplateQuery;
import io.ankirag.domain.template.TemplateId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card templates (Anki note types): the system ones, which everyone may use but nobody may change
 * ({@code AUTH_004}), and the caller's own. Another user's template answers 404 {@code TEMPLATE_001}.
 */
@RestController
@RequestMapping("/api/templates")
@Tag(name = "Templates")
class TemplateController {

    private final TemplateQuery templates;
    private final ManageTemplatesUseCase manage;
    private final TemplatePreviewQuery previews;
    private final TemplateDtoMapper mapper;
    private final CardHtmlSanitizer sanitizer;

    TemplateController(TemplateQuery templates, ManageTemplatesUseCase manage, TemplatePreviewQuery previews,
                       TemplateDtoMapper mapper, CardHtmlSanitizer sanitizer) {
        this.templates = templates;
        this.manage = manage;
        this.previews = previews;
        this.mapper = mapper;
        this.sanitizer = sanitizer;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "System templates, then the caller's own, each sorted by name")
    PageResponse<TemplateResponse> list(@AuthenticationPrincipal CurrentUser caller,
                                        @RequestParam(defaultValue = "1") int page,
                                        @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageResponse.of(templates.templates(caller.id(), new PageRequest(page, size)), mapper::toResponse);
    }

    @GetMapping("/{id}")
    TemplateResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return mapper.toResponse(templates.template(caller.id(), new TemplateId(id)));
    }

    @PostMapping({"", "/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template of one's own (422 REQ_002 when a card type shows an unknown field, "
            + "a cloze template lacks {{cloze:Field}}, or the name is taken)")
    TemplateResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateTemplateRequest request) {
        return mapper.toResponse(manage.createTemplate(caller.id(), mapper.toNewTemplate(request)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Revise one's own template: display name, fields, card types, css (AUTH_004 for a system template)")
    TemplateResponse revise(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                            @Valid @RequestBody ReviseTemplateRequest request) {
        return mapper.toResponse(manage.reviseTemplate(caller.id(), new TemplateId(id), mapper.toChanges(request)));
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Render one card of this template for the given field values, as Anki would show it")
    PreviewResponse preview(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
                            @Valid @RequestBody PreviewRequest request) {
        CardPreview card = previews.preview(caller.id(), new TemplateId(id),
                request.fields() == null ? Map.of() : request.fields(),
                request.cardOrdinal() == null ? 1 : request.cardOrdinal());
        return new PreviewResponse(sanitizer.sanitize(card.question()), sanitizer.sanitize(card.answer()), card.css());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one's own template (AUTH_004 for a system template)")
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        manage.deleteTemplate(caller.id(), new TemplateId(id));
    }
}
