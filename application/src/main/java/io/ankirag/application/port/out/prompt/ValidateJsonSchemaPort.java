package io.ankirag.application.port.out.prompt;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON Schema (draft 2020-12) for prompt variables; schemas travel as JSON text, values as plain Java. */
public interface ValidateJsonSchemaPort {

    /**
     * What a schema lets a template use.
     *
     * @param names    its top-level {@code properties}
     * @param defaults the {@code default} of those properties that have one
     */
    record DeclaredVariables(Set<String> names, Map<String, Object> defaults) {

        public DeclaredVariables {
            names = Set.copyOf(names);
            defaults = Map.copyOf(defaults);
        }
    }

    /**
     * @throws io.ankirag.domain.error.DomainException {@code REQ_002} naming every problem when the text is not a
     *                                                 JSON object, not a valid draft 2020-12 schema, or describes
     *                                                 something other than an object
     */
    DeclaredVariables declaredVariables(String schema);

    /**
     * @param schema a schema {@link #declaredVariables} accepted
     * @return one sentence per violation, naming where it is; empty when the values satisfy the schema
     */
    List<String> violations(String schema, Map<String, Object> values);
}
