package io.ankirag.adapter.out.persistence.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.chat.ChatSource;
import io.ankirag.domain.deck.DeckId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An answer's sources as {@code chat_messages.sources} keeps them: {@code [{card_id, deck_id, score, snippet, cited}]}. */
final class ChatJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatJson() {
    }

    static String sources(List<ChatSource> sources) {
        List<Map<String, Object>> json = sources.stream().map(source -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("card_id", source.cardId().value().toString());
            one.put("deck_id", source.deckId() == null ? null : source.deckId().value().toString());
            one.put("score", source.score());
            one.put("snippet", source.snippet());
            one.put("cited", source.cited());
            return one;
        }).toList();
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps, lists and strings always serialise", e);
        }
    }

    static List<ChatSource> sources(String json) {
        try {
            List<Map<String, Object>> read = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
            });
            return read.stream().map(one -> new ChatSource(
                    new CardId(UUID.fromString((String) one.get("card_id"))),
                    one.get("deck_id") == null ? null : new DeckId(UUID.fromString((String) one.get("deck_id"))),
                    ((Number) one.get("score")).doubleValue(),
                    (String) one.get("snippet"),
                    Boolean.TRUE.equals(one.get("cited")))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sources are not JSON: " + json, e);
        }
    }
}
