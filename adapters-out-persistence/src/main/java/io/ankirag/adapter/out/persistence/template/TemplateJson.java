package io.ankirag.adapter.out.persistence.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateField;
import java.util.List;

/** The JSONB shapes of the {@code fields} and {@code card_types} columns: the domain records as they are. */
final class TemplateJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TemplateField>> FIELDS = new TypeReference<>() { };
    private static final TypeReference<List<CardType>> CARD_TYPES = new TypeReference<>() { };

    private TemplateJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write template JSON", e);
        }
    }

    static List<TemplateField> fields(String json) {
        return read(json, FIELDS);
    }

    static List<CardType> cardTypes(String json) {
        return read(json, CARD_TYPES);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read template JSON", e);
        }
    }
}
