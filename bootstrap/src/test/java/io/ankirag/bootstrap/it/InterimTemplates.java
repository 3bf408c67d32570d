package io.ankirag.bootstrap.it;

import io.ankirag.application.port.out.template.FindTemplateFieldsPort;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test scaffolding while the templates read model is merged in: Basic and Cloze as the seeded ones will be. */
@TestConfiguration(proxyBeanMethods = false)
class InterimTemplates {

    static final TemplateId BASIC = TemplateId.ofSystem("Basic");
    static final TemplateId CLOZE = TemplateId.ofSystem("Cloze");

    @Bean
    FindTemplateFieldsPort interimTemplateFields() {
        Map<TemplateId, TemplateFields> known = Map.of(
                BASIC, new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("Back", false))),
                CLOZE, new TemplateFields(List.of(new TemplateField("Text", true), new TemplateField("Back Extra", false))));
        return (user, template) -> Optional.ofNullable(known.get(template));
    }
}
