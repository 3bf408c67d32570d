package io.ankirag.application.prompt;

import io.ankirag.application.port.out.prompt.ValidateJsonSchemaPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough JSON Schema for the service's tests: a property is any quoted name followed by an object, a
 * property is required when registered so, and the text {@code "invalid"} is no schema. The real checks are
 * the JSON Schema adapter's, tested there.
 */
final class StubSchemas implements ValidateJsonSchemaPort {

    private static final Pattern PROPERTY = Pattern.compile("\"(\\w+)\"\\s*:\\s*\\{");

    final Map<String, Object> defaults = new HashMap<>();
    final Set<String> required = new LinkedHashSet<>();

    @Override
    public DeclaredVariables declaredVariables(String schema) {
        if (schema.equals("invalid")) {
            throw new DomainException(ErrorCode.REQ_002, "variables_schema is not valid");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PROPERTY.matcher(schema);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new DeclaredVariables(names, defaults);
    }

    @Override
    public List<String> violations(String schema, Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        required.stream().filter(name -> !values.containsKey(name)).forEach(name -> problems.add("$." + name + " is required"));
        return problems;
    }
}
