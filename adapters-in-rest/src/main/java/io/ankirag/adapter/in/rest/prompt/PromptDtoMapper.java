package io.ankirag.adapter.in.rest.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.PromptResponse;
import io.ankirag.adapter.in.rest.prompt.PromptDtos.RenderedPromptResponse;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.application.port.in.prompt.RenderPromptUseCase.RenderedPrompt;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.util.UUID;
import io.ankirag.adapter.in.rest.mapping.DomainIds;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = DomainIds.class)
interface PromptDtoMapper {

    PromptResponse toResponse(PromptView prompt);

    @Mapping(target = "promptVersionId", source = "versionId")
    @Mapping(target = "systemPrompt", source = "system")
    @Mapping(target = "userPrompt", source = "user")
    RenderedPromptResponse toResponse(RenderedPrompt rendered);

    default String category(PromptCategory category) {
        return category.wireName();
    }

    /** The schema as the domain keeps it: compact JSON text; {@code null} when left out. */
    default String schemaText(JsonNode schema) {
        return schema == null || schema.isNull() ? null : schema.toString();
    }
}
