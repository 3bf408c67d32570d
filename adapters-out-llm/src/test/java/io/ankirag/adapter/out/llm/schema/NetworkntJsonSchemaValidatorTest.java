package io.ankirag.adapter.out.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.prompt.SystemPrompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkntJsonSchemaValidatorTest {

    static final String CARDS = """
            {"type": "object",
             "properties": {
               "topic": {"type": "string"},
               "num_cards": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
               "tags": {"type": "array", "items": {"type": "string"}, "default": ["a", "b"]}
             },
             "required": ["topic"]}""";

    final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @Test
    void declaresTopLevelPropertiesWithTheirDefaults() {
        var declared = validator.declaredVariables(CARDS);

        assertThat(declared.names()).containsExactlyInAnyOrder("topic", "num_cards", "tags");
        assertThat(declared.defaults()).containsOnly(Map.entry("num_cards", 10), Map.entry("tags", List.of("a", "b")));
    }

    @Test
    void acceptsEverySystemPromptsSchema() {
        SystemPrompts.all().forEach(system -> validator.declaredVariables(system.content().variablesSchema()));
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertRefused("{\"type\": ", "not valid JSON");
        assertRefused("[]", "must be a JSON object");
        assertRefused("true", "must be a JSON object");
    }

    @Test
    void refusesSchemasTheMetaSchemaRejects() {
        assertRefused("{\"type\": \"objekt\"}", "$.type: does not have a value in the enumeration");
        assertRefused("{\"properties\": {\"n\": {\"minimum\": \"five\"}}}", "$.properties.n.minimum");
        assertRefused("{\"required\": \"topic\"}", "$.required");
    }

    @Test
    void refusesSchemasOfOtherDraftsOrOtherTypes() {
        assertRefused("{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}", "$schema must be");
        assertRefused("{\"type\": \"string\"}", "type must be \"object\"");
    }

    @Test
    void refusesWhatCannotBeCompiledIncludingReferencesToOtherDocuments() {
        assertRefused("{\"properties\": {\"x\": {\"$ref\": \"http://127.0.0.1:9/elsewhere.json\"}}}", "cannot be used");
        assertRefused("{\"properties\": {\"x\": {\"$ref\": \"#/$defs/missing\"}}}", "cannot be used");
        assertRefused("{\"properties\": {\"x\": {\"pattern\": \"[\"}}}", "cannot be used");
    }

    @Test
    void listsEveryViolationOfTheValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("num_cards", 99);
        values.put("tags", "not a list");

        assertThat(validator.violations(CARDS, values))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).isEqualTo("$: required property 'topic' not found"))
                .anySatisfy(problem -> assertThat(problem).contains("$.num_cards", "50"))
                .anySatisfy(problem -> assertThat(problem).contains("$.tags"));
        assertThat(validator.violations(CARDS, Map.of("topic", "asyncio", "num_cards", 5))).isEmpty();
    }

    private void assertRefused(String schema, String detail) {
        assertThatThrownBy(() -> validator.declaredVariables(schema))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.REQ_002);
                    assertThat(refusal.detail()).contains(detail);
                });
    }
}
