package io.ankirag.adapter.out.llm.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.ankirag.application.port.out.prompt.ValidateJsonSchemaPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * JSON Schema draft 2020-12 with networknt's validator. A schema is checked against the draft's meta-schema,
 * which ships inside the library; {@code $ref}s to other documents are never fetched, so a schema cannot make
 * the server call out.
 */
@Component
class NetworkntJsonSchemaValidator implements ValidateJsonSchemaPort {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper json = new ObjectMapper();
    // English whatever the server's locale, and JSON paths ($.num_cards): the messages go into API answers.
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH)
                    .build()));
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));

    @Override
    public DeclaredVariables declaredVariables(String schemaText) {
        JsonNode schema = parse(schemaText);
        List<String> problems = new ArrayList<>();
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !DRAFT_2020_12.equals(dialect.asText())) {
            problems.add("$schema must be " + DRAFT_2020_12 + " or left out");
        }
        metaSchema.validate(schema).forEach(error -> problems.add(describe(error)));
        JsonNode type = schema.get("type");
        if (type != null && !"object".equals(type.asText())) {
            problems.add("type must be \"object\": variables are named values");
        }
        if (problems.isEmpty()) {
            try {
                registry.getSchema(schema).initializeValidators();
            } catch (RuntimeException unusable) {
                problems.add("it cannot be used (" + unusable.getMessage() + "); $ref may point only inside the schema");
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002,
                    "variables_schema is not a valid JSON Schema (draft 2020-12): " + String.join("; ", problems));
        }
        Set<String> names = new LinkedHashSet<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(property -> {
            names.add(property.getKey());
            JsonNode fallback = property.getValue().get("default");
            if (fallback != null && !fallback.isNull()) {
                defaults.put(property.getKey(), json.convertValue(fallback, Object.class));
            }
        });
        return new DeclaredVariables(names, defaults);
    }

    @Override
    public List<String> violations(String schemaText, Map<String, Object> values) {
        return registry.getSchema(parse(schemaText)).validate(json.valueToTree(values)).stream()
                .map(NetworkntJsonSchemaValidator::describe)
                .toList();
    }

    private JsonNode parse(String schemaText) {
        JsonNode schema;
        try {
            schema = json.readTree(schemaText);
        } catch (JsonProcessingException notJson) {
            throw new DomainException(ErrorCode.REQ_002, "variables_schema is not valid JSON: " + notJson.getOriginalMessage());
        }
        if (schema == null || !schema.isObject()) {
            throw new DomainException(ErrorCode.REQ_002, "variables_schema must be a JSON object");
        }
        return schema;
    }

    /** {@code $.num_cards: must have a maximum value of 50}: where, then what. */
    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
