package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user's library as the API shows it: cards with the path of their deck, decks by path, templates. */
final class Library {

    /** A card as Anki would see its note: where it is, its fields by name, its tags (sorted: Anki keeps them so). */
    record PlacedNote(List<String> deck, Map<String, String> fields, List<String> tags) {

        PlacedNote {
            tags = tags.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        }
    }

    private final ApiClient api;
    private final Session session;
    private final Map<String, JsonNode> templates = new HashMap<>();

    Library(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    List<JsonNode> cards() {
        List<JsonNode> cards = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/cards?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), session.accessToken());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            page.body().path("items").forEach(cards::add);
            cursor = page.body().path("next_cursor").asText(null);
        } while (cursor != null);
        return cards;
    }

    /** Every deck's path from its root, by id. */
    Map<String, List<String>> deckPaths() {
        var tree = api.get("/api/decks/tree", session.accessToken());
        assertThat(tree.status()).isEqualTo(200);
        Map<String, List<String>> paths = new LinkedHashMap<>();
        tree.body().forEach(root -> collect(root, List.of(), paths));
        return paths;
    }

    private static void collect(JsonNode deck, List<String> above, Map<String, List<String>> paths) {
        List<String> path = new ArrayList<>(above);
        path.add(deck.path("name").asText());
        paths.put(deck.path("id").asText(), List.copyOf(path));
        deck.path("children").forEach(child -> collect(child, path, paths));
    }

    JsonNode template(String id) {
        return templates.computeIfAbsent(id, key -> {
            var response = api.get("/api/templates/" + key, session.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            return response.body();
        });
    }

    static List<String> fieldNames(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.path("fields").forEach(field -> names.add(field.path("name").asText()));
        return names;
    }

    List<PlacedNote> placedNotes() {
        Map<String, List<String>> paths = deckPaths();
        return cards().stream().map(card -> placed(card, paths)).toList();
    }

    static PlacedNote placed(JsonNode card, Map<String, List<String>> deckPaths) {
        Map<String, String> fields = new LinkedHashMap<>();
        card.path("fields").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
        List<String> tags = new ArrayList<>();
        card.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new PlacedNote(deckPaths.get(card.path("deck_id").asText()), fields, tags);
    }

    /** A note of a peer's manifest or collection: in the deck of its first card, fields named by its note type. */
    static PlacedNote placed(JsonNode note, List<String> fieldNames) {
        JsonNode first = note.path("cards").get(0);
        for (JsonNode card : note.path("cards")) {
            if (card.path("ordinal").asInt() < first.path("ordinal").asInt()) {
                first = card;
            }
        }
        List<String> deck = new ArrayList<>();
        first.path("deck").forEach(level -> deck.add(level.asText()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            fields.put(fieldNames.get(i), note.path("fields").path(i).asText(""));
        }
        List<String> tags = new ArrayList<>();
        note.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new PlacedNote(deck, fields, tags);
    }
}
