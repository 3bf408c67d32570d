package io.ankirag.application.generation;

import io.ankirag.domain.template.SystemTemplates;
import io.ankirag.domain.template.TemplateId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape generated cards take: what the model is told and held to (a JSON schema for structured output), and
 * how each of its cards becomes the fields of Anki's Basic or Cloze note type.
 */
final class CardFormat {

    static final String SCHEMA_NAME = "cards";

    /** OpenAI's strict structured output wants an object at the top, every property required and nothing extra. */
    static final String SCHEMA = """
            {"type": "object",
             "properties": {
               "cards": {
                 "type": "array",
                 "items": {"anyOf": [
                   {"type": "object",
                    "properties": {"type": {"type": "string", "enum": ["basic"]},
                                   "front": {"type": "string"}, "back": {"type": "string"}},
                    "required": ["type", "front", "back"], "additionalProperties": false},
                   {"type": "object",
                    "properties": {"type": {"type": "string", "enum": ["cloze"]},
                                   "text": {"type": "string"}, "extra": {"type": "string"}},
                    "required": ["type", "text", "extra"], "additionalProperties": false}]}}},
             "required": ["cards"],
             "additionalProperties": false}""";

    /** Appended to the prompt's system message, for models that have no structured output. */
    static final String INSTRUCTIONS = """
            Answer with JSON only, in this shape: {"cards": [card, card, ...]}.
            A question-and-answer card is {"type": "basic", "front": "the question", "back": "the answer"}.
            A fill-in-the-blank card is {"type": "cloze", "text": "a sentence with {{c1::the hidden part}}", "extra": "optional note"}.
            Field values may use simple HTML. Do not repeat the learner's existing cards.""";

    static final TemplateId BASIC = SystemTemplates.BASIC.id();
    static final TemplateId CLOZE = SystemTemplates.CLOZE.id();

    /** A card of the model's as the fields of one of our templates, or why it fits none. */
    record Candidate(TemplateId templateId, Map<String, String> fields, String problem) {

        boolean cloze() {
            return CLOZE.equals(templateId);
        }
    }

    private CardFormat() {
    }

    static Candidate candidate(CardStream.RawCard raw) {
        if (raw.members() == null) {
            return new Candidate(null, Map.of("json", raw.json()), raw.unreadable());
        }
        Map<String, Object> members = raw.members();
        String type = text(members.get("type")).strip().toLowerCase(Locale.ROOT);
        boolean cloze = type.equals("cloze") || (type.isEmpty() && members.containsKey("text") && !members.containsKey("front"));
        boolean basic = type.equals("basic") || (type.isEmpty() && members.containsKey("front"));
        Map<String, String> fields = new LinkedHashMap<>();
        if (cloze) {
            fields.put("Text", text(members.get("text")));
            fields.put("Back Extra", text(members.get("extra")));
            return new Candidate(CLOZE, fields, null);
        }
        if (basic) {
            fields.put("Front", text(members.get("front")));
            fields.put("Back", text(members.get("back")));
            return new Candidate(BASIC, fields, null);
        }
        members.forEach((name, value) -> fields.put(name, text(value)));
        return new Candidate(null, fields, "the card is neither basic (front, back) nor cloze (text, extra)");
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof String string ? string : String.valueOf(value);
    }
}
