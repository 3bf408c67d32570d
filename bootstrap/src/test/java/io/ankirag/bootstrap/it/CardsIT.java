package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class CardsIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();

    Session user;
    String deck;

    @BeforeEach
    void aUserWithADeck() {
        user = accounts.register();
        deck = deck(user, "Python", null);
    }

    @Test
    void createdCardIsADraftWithItsFieldsInTemplateOrder() {
        var created = api.post("/api/cards/", body("deck_id", deck, "template_id", BASIC,
                "fields", Map.of("Back", "Syntactic sugar", "Front", "What is a list comprehension?"),
                "tags", List.of("python", "syntax", "Python")), user.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("draft");
        assertThat(created.text("origin")).isEqualTo("manual");
        assertThat(created.body().path("fields").fieldNames()).toIterable().containsExactly("Front", "Back");
        assertThat(created.body().path("tags").findValuesAsText("")).isEmpty();
        assertThat(created.body().path("tags").toString()).isEqualTo("[\"python\",\"syntax\"]");
        assertThat(created.text("created_by")).isEqualTo(accounts.idOf(user));
        assertThat(api.get("/api/decks/" + deck, user.accessToken()).body().path("cards_count").asLong()).isEqualTo(1);
    }

    @Test
    void fieldsMustFitTheTemplate() {
        var unknownField = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC,
                "fields", Map.of("Front", "Q", "Answer", "A")), user.accessToken());
        var missingRequired = api.post("/api/cards", body("deck_id", deck, "template_id", BASIC,
                "fields", Map.of("Back", "A")), user.accessToken());

        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.code()).isEqualTo("REQ_002");
        assertThat(unknownField.text("detail")).contains("unknown field 'Answer'");
        assertThat(missingRequired.text("detail")).contains("field 'Front' is required");
        assertThat(api.get("/api/decks/" + deck, user.accessToken()).body().path("cards_count").asLong()).isZero();
    }

    @Test
    void unknownTemplateOrDeckIsNotFound() {
        var template = api.post("/api/cards", body("deck_id", deck, "template_id", "0190c1f0-0000-7000-8000-000000000000",
                "fields", Map.of("Front", "Q")), user.accessToken());
        var noDeck = api.post("/api/cards", body("deck_id", "0190c1f0-0000-7000-8000-000000000000", "template_id", BASIC,
                "fields", Map.of("Front", "Q")), user.accessToken());

        assertThat(template.status()).isEqualTo(404);
        assertThat(template.code()).isEqualTo("TEMPLATE_001");
        assertThat(noDeck.code()).isEqualTo("DECK_001");
    }

    @Test
    void bulkCreatesTheValidCardsAndReportsEachInvalidOne() {
        var response = api.post("/api/cards/bulk", body("deck_id", deck, "template_id", BASIC, "cards", List.of(
                Map.of("fields", Map.of("Front", "Q1", "Back", "A1"), "tags", List.of("tag1")),
                Map.of("fields", Map.of("Back", "no front")),
                Map.of("fields", Map.of("Front", "Q3"), "tags", List.of("two words")),
                Map.of("fields", Map.of("Front", "Q4", "Extra", "x")),
                Map.of("fields", Map.of("Front", "Q5", "Back", "A5")))), user.accessToken());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("total_created").asInt()).isEqualTo(2);
        assertThat(response.body().path("total_failed").asInt()).isEqualTo(3);
        assertThat(response.body().path("failed").findValuesAsText("index")).containsExactly("1", "2", "3");
        assertThat(response.body().path("failed").findValuesAsText("code")).containsOnly("REQ_002");
        assertThat(response.body().path("created").findValuesAsText("status")).containsOnly("draft");
        assertThat(api.get("/api/decks/" + deck, user.accessToken()).body().path("cards_count").asLong()).isEqualTo(2);
    }

    @Test
    void editChangesFieldsAndTags() {
        String card = card(user, deck, "Q", "A");

        var edited = api.patch("/api/cards/" + card, body("fields", Map.of("Front", "Q2", "Back", "A2"), "tags", List.of("x")), user.accessToken());
        var tagsOnly = api.patch("/api/cards/" + card, body("tags", List.of("y")), user.accessToken());

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("fields").path("Front").asText()).isEqualTo("Q2");
        assertThat(tagsOnly.body().path("fields").path("Front").asText()).isEqualTo("Q2");
        assertThat(tagsOnly.body().path("tags").get(0).asText()).isEqualTo("y");
    }

    @Test
    void statusMachineAllowsExactlyTheSpecsTransitions() {
        String toApprove = card(user, deck, "Q1", "A");
        String toReject = card(user, deck, "Q2", "A");
        String approvedThenRejected = card(user, deck, "Q3", "A");

        assertThat(api.post("/api/cards/" + toApprove + "/approve", Map.of(), user.accessToken()).text("status")).isEqualTo("approved");
        var again = api.post("/api/cards/" + toApprove + "/approve", Map.of(), user.accessToken());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("CARD_002");

        var rejected = api.post("/api/cards/" + toReject + "/reject", body("reason", "Некорректная информация"), user.accessToken());
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("rejection_reason")).isEqualTo("Некорректная информация");
        assertThat(api.post("/api/cards/" + toReject + "/approve", Map.of(), user.accessToken()).code()).isEqualTo("CARD_002");
        assertThat(api.post("/api/cards/" + toReject + "/reject", body("reason", "again"), user.accessToken()).code()).isEqualTo("CARD_002");

        api.post("/api/cards/" + approvedThenRejected + "/approve", Map.of(), user.accessToken());
        assertThat(api.post("/api/cards/" + approvedThenRejected + "/reject", body("reason", "wrong"), user.accessToken()).text("status"))
                .isEqualTo("rejected");
    }

    @Test
    void rejectionNeedsAReason() {
        String card = card(user, deck, "Q", "A");

        var response = api.post("/api/cards/" + card + "/reject", body("reason", " "), user.accessToken());

        assertThat(response.status()).isEqualTo(422);
        assertThat(api.get("/api/cards/" + card, user.accessToken()).text("status")).isEqualTo("draft");
    }

    @Test
    void movingACardMovesItsCount() {
        String other = deck(user, "Other", null);
        String card = card(user, deck, "Q", "A");

        var moved = api.post("/api/cards/" + card + "/move", body("deck_id", other), user.accessToken());

        assertThat(moved.text("deck_id")).isEqualTo(other);
        assertThat(api.get("/api/decks/" + deck, user.accessToken()).body().path("cards_count").asLong()).isZero();
        assertThat(api.get("/api/decks/" + other, user.accessToken()).body().path("cards_count").asLong()).isEqualTo(1);
    }

    @Test
    void deletedCardIsGoneButKeepsItsHistory() {
        String card = card(user, deck, "Q", "A");

        assertThat(api.delete("/api/cards/" + card, user.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/api/cards/" + card, user.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.delete("/api/cards/" + card, user.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.get("/api/cards/" + card + "/history", user.accessToken()).body().findValuesAsText("type"))
                .containsExactly("card_created", "card_deleted");
        assertThat(api.get("/api/decks/" + deck, user.accessToken()).body().path("cards_count").asLong()).isZero();
    }

    @Test
    void deletingADeckDeletesItsCardsAndSubDecksCards() {
        String child = deck(user, "Child", deck);
        String inParent = card(user, deck, "Q1", "A");
        String inChild = card(user, child, "Q2", "A");

        api.delete("/api/decks/" + deck, user.accessToken());

        assertThat(api.get("/api/cards/" + inParent, user.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.get("/api/cards/" + inChild, user.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.get("/api/cards", user.accessToken()).body().path("items")).isEmpty();
    }

    @Test
    void historyTellsWhoDidWhatWithStatusesBeforeAndAfter() {
        String card = card(user, deck, "Q", "A");
        api.patch("/api/cards/" + card, body("fields", Map.of("Front", "Q2", "Back", "A")), user.accessToken());
        api.post("/api/cards/" + card + "/approve", Map.of(), user.accessToken());
        api.post("/api/cards/" + card + "/reject", body("reason", "outdated"), user.accessToken());

        JsonNode history = api.get("/api/cards/" + card + "/history", user.accessToken()).body();

        assertThat(history.findValuesAsText("type")).containsExactly("card_created", "card_edited", "card_approved", "card_rejected");
        assertThat(history.get(0).path("status_before").isNull()).isTrue();
        assertThat(history.get(0).path("status_after").asText()).isEqualTo("draft");
        assertThat(history.get(2).path("status_before").asText()).isEqualTo("draft");
        assertThat(history.get(2).path("status_after").asText()).isEqualTo("approved");
        assertThat(history.get(3).path("reason").asText()).isEqualTo("outdated");
        assertThat(history.get(1).path("changes").path("fields").path("Front").asText()).isEqualTo("Q2");
        assertThat(history.findValuesAsText("actor")).containsOnly(accounts.idOf(user));
    }

    @Test
    void listingFiltersByDeckSubtreeStatusTagAndText() {
        String child = deck(user, "asyncio", deck);
        String other = deck(user, "Biology", null);
        String a = card(user, deck, "What is a <b>generator</b>?", "yield");
        String b = card(user, child, "What is an event loop?", "asyncio core");
        String c = card(user, other, "What is a cell?", "unit of life");
        api.patch("/api/cards/" + b, body("tags", List.of("Async")), user.accessToken());
        api.post("/api/cards/" + c + "/approve", Map.of(), user.accessToken());

        assertThat(ids("/api/cards?deck_id=" + deck)).containsExactly(a);
        assertThat(ids("/api/cards?deck_id=" + deck + "&include_subdecks=true")).containsExactlyInAnyOrder(a, b);
        assertThat(ids("/api/cards?status=approved")).containsExactly(c);
        assertThat(ids("/api/cards?tag=async")).containsExactly(b);
        assertThat(ids("/api/cards?q=GENERATOR")).containsExactly(a);
        assertThat(ids("/api/cards?q=b%3E")).as("markup is not searchable text").isEmpty();
        assertThat(ids("/api/cards?sort=oldest")).containsExactly(a, b, c);
        assertThat(ids("/api/cards")).containsExactly(c, b, a);
        assertThat(ids("/api/cards?sort=updated").getFirst()).isEqualTo(c);
    }

    @Test
    void cursorWalksTheWholeListingWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            card(user, deck, "Q" + i, "A");
        }
        var first = api.get("/api/cards?limit=3", user.accessToken());
        var second = api.get("/api/cards?limit=3&cursor=" + first.text("next_cursor"), user.accessToken());
        var third = api.get("/api/cards?limit=3&cursor=" + second.text("next_cursor"), user.accessToken());

        assertThat(first.body().path("items")).hasSize(3);
        assertThat(second.body().path("items")).hasSize(3);
        assertThat(third.body().path("items")).hasSize(1);
        assertThat(third.body().path("next_cursor").isNull()).isTrue();
        assertThat(third.body().path("items").get(0).path("fields").path("Front").asText()).isEqualTo("Q0");
        assertThat(api.get("/api/cards?cursor=garbage", user.accessToken()).code()).isEqualTo("REQ_002");
        assertThat(api.get("/api/cards?sort=oldest&cursor=" + first.text("next_cursor"), user.accessToken()).code()).isEqualTo("REQ_002");
    }

    @Test
    void anotherUsersCardsDoNotExistForMe() {
        Session bob = accounts.register();
        String bobsDeck = deck(bob, "Bob's", null);
        String card = card(user, deck, "Q", "A");
        String path = "/api/cards/" + card;

        assertThat(api.get(path, bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.get(path + "/history", bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.patch(path, body("tags", List.of("mine")), bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.post(path + "/move", body("deck_id", bobsDeck), bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.post(path + "/approve", Map.of(), bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.post(path + "/reject", body("reason", "x"), bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.delete(path, bob.accessToken()).code()).isEqualTo("CARD_001");
        assertThat(api.get("/api/cards", bob.accessToken()).body().path("items")).isEmpty();
        assertThat(api.get("/api/cards?deck_id=" + deck, bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.post("/api/cards", body("deck_id", deck, "template_id", BASIC, "fields", Map.of("Front", "x")), bob.accessToken()).code())
                .isEqualTo("DECK_001");
        assertThat(api.post("/api/cards/bulk", body("deck_id", deck, "template_id", BASIC,
                "cards", List.of(Map.of("fields", Map.of("Front", "x")))), bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.post(path + "/move", body("deck_id", bobsDeck), user.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.get(path, user.accessToken()).text("status")).isEqualTo("draft");
        assertThat(api.get(path, user.accessToken()).body().path("tags")).isEmpty();
    }

    private List<String> ids(String path) {
        var response = api.get(path, user.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("items").findValuesAsText("id");
    }

    private String card(Session owner, String deckId, String front, String back) {
        var response = api.post("/api/cards", body("deck_id", deckId, "template_id", BASIC,
                "fields", Map.of("Front", front, "Back", back)), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private String deck(Session owner, String name, String parent) {
        var response = api.post("/api/decks", body("name", name, "parent_id", parent), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }
}
