package io.ankirag.adapter.in.rest.template;

import io.ankirag.adapter.in.rest.template.TemplateDtos.CardTypeDto;
import io.ankirag.adapter.in.rest.template.TemplateDtos.CreateTemplateRequest;
import io.ankirag.adapter.in.rest.template.TemplateDtos.FieldDto;
import io.ankirag.adapter.in.rest.template.TemplateDtos.ReviseTemplateRequest;
import io.ankirag.adapter.in.rest.template.TemplateDtos.TemplateResponse;
import io.ankirag.application.port.in.template.ManageTemplatesUseCase.NewTemplate;
import io.ankirag.application.port.in.template.ManageTemplatesUseCase.TemplateChanges;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import io.ankirag.adapter.in.rest.mapping.DomainIds;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = DomainIds.class)
interface TemplateDtoMapper {

    @Mapping(target = "frontTemplate", expression = "java(view.cardTypes().getFirst().frontTemplate())")
    @Mapping(target = "backTemplate", expression = "java(view.cardTypes().getFirst().backTemplate())")
    TemplateResponse toResponse(TemplateView view);

    NewTemplate toNewTemplate(CreateTemplateRequest request);

    TemplateChanges toChanges(ReviseTemplateRequest request);

    CardTypeDto toDto(CardType cardType);

    CardType toCardType(CardTypeDto cardType);

    TemplateField toField(FieldDto field);

    default List<FieldDto> fields(TemplateFields fields) {
        List<FieldDto> numbered = new ArrayList<>();
        for (TemplateField field : fields.fields()) {
            numbered.add(new FieldDto(field.name(), field.required(), numbered.size() + 1));
        }
        return numbered;
    }

    default String kind(TemplateKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    default TemplateKind kind(String kind) {
        return kind == null ? null : TemplateKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

}
