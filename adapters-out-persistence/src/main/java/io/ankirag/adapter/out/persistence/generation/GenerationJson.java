package io.ankirag.adapter.out.persistence.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.domain.generation.FactCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON the generation tables keep: card fields in template order and fact-check results. */
final class GenerationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerationJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps, lists and strings always serialise", e);
        }
    }

    static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fields are not JSON: " + json, e);
        }
    }

    /** {@code {"verdict": "supported", "explanation", "correction", "sources": [{"url", "title"}], "model"}} */
    static String factCheck(FactCheck check) {
        if (check == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdict", check.verdict().name().toLowerCase(Locale.ROOT));
        json.put("explanation", check.explanation());
        json.put("correction", check.correction());
        json.put("sources", check.sources().stream().map(source -> Map.of("url", source.url(), "title", source.title())).toList());
        json.put("model", check.model());
        return write(json);
    }

    @SuppressWarnings("unchecked")
    static FactCheck factCheck(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> map = JSON.readValue(json, Map.class);
            List<Map<String, String>> sources = (List<Map<String, String>>) map.getOrDefault("sources", List.of());
            return new FactCheck(FactCheck.Verdict.valueOf(((String) map.get("verdict")).toUpperCase(Locale.ROOT)),
                    (String) map.get("explanation"), (String) map.get("correction"),
                    sources.stream().map(source -> new FactCheck.Source(source.get("url"), source.get("title"))).toList(),
                    (String) map.get("model"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fact check is not JSON: " + json, e);
        }
    }
}
