package io.ankirag.domain.template;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A template's fields in order: what a card of that template may and must fill in. */
public record TemplateFields(List<TemplateField> fields) {

    public TemplateFields {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, "a template needs at least one field");
        }
        if (fields.stream().map(field -> field.name().toLowerCase(Locale.ROOT)).distinct().count() != fields.size()) {
            throw new DomainException(ErrorCode.REQ_002, "field names must be unique (ignoring case)");
        }
    }

    public List<String> names() {
        return fields.stream().map(TemplateField::name).toList();
    }

    /**
     * Checks a card's values against the template and returns them in the template's field order, absent
     * optional fields as empty strings (as Anki stores them).
     *
     * @throws DomainException {@code REQ_002} naming every unknown field and every empty required one
     */
    public Map<String, String> validate(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (String given : values.keySet()) {
            if (fields.stream().noneMatch(field -> field.name().equals(given))) {
                problems.add("unknown field '" + given + "' (this template has " + String.join(", ", names()) + ")");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (TemplateField field : fields) {
            String value = values.getOrDefault(field.name(), "");
            value = value == null ? "" : value;
            if (field.required() && value.isBlank()) {
                problems.add("field '" + field.name() + "' is required");
            }
            ordered.put(field.name(), value);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.REQ_002, String.join("; ", problems));
        }
        return Collections.unmodifiableMap(ordered);
    }
}
