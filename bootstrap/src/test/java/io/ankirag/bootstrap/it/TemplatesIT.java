package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.application.port.in.template.SeedSystemTemplatesUseCase;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.template.TemplateId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TemplatesIT extends HttpApiTestBase {

    static final String BASIC = TemplateId.ofSystem("Basic").toString();
    static final String BASIC_AND_REVERSED = TemplateId.ofSystem("Basic (and reversed card)").toString();
    static final String CLOZE = TemplateId.ofSystem("Cloze").toString();

    @Autowired
    SeedSystemTemplatesUseCase seed;

    @Test
    void systemTemplatesArePresentAfterStart() {
        Session user = accounts.register();

        var list = api.get("/api/templates", user.accessToken());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("total").asLong()).isEqualTo(3);
        assertThat(names(list.body().path("items"))).containsExactly("Basic", "Basic (and reversed card)", "Cloze");
        var basic = api.get("/api/templates/" + BASIC, user.accessToken()).body();
        assertThat(basic.path("is_system").asBoolean()).isTrue();
        assertThat(basic.path("kind").asText()).isEqualTo("standard");
        assertThat(basic.path("front_template").asText()).isEqualTo("{{Front}}");
        assertThat(basic.path("back_template").asText()).contains("{{FrontSide}}", "<hr id=answer>", "{{Back}}");
        assertThat(basic.path("fields").toString()).isEqualTo(
                "[{\"name\":\"Front\",\"required\":true,\"order\":1},{\"name\":\"Back\",\"required\":false,\"order\":2}]");
        assertThat(basic.path("css").asText()).contains(".card", "font-family: arial");
        var cloze = api.get("/api/templates/" + CLOZE, user.accessToken()).body();
        assertThat(cloze.path("kind").asText()).isEqualTo("cloze");
        assertThat(names(cloze.path("fields"))).containsExactly("Text", "Back Extra");
        assertThat(cloze.path("css").asText()).contains(".cloze");
    }

    @Test
    void seedingAgainChangesNothing() {
        Session user = accounts.register();
        String before = api.get("/api/templates/" + BASIC, user.accessToken()).text("updated_at");

        seed.seedSystemTemplates();

        assertThat(api.get("/api/templates", user.accessToken()).body().path("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/templates/" + BASIC, user.accessToken()).text("updated_at")).isEqualTo(before);
    }

    @Test
    void systemTemplatesCannotBeRevisedOrDeleted() {
        Session user = accounts.register();

        var revised = api.patch("/api/templates/" + BASIC, body("display_name", "Mine"), user.accessToken());
        var deleted = api.delete("/api/templates/" + BASIC, user.accessToken());

        assertThat(revised.status()).isEqualTo(403);
        assertThat(revised.code()).isEqualTo("AUTH_004");
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(deleted.code()).isEqualTo("AUTH_004");
        assertThat(api.get("/api/templates/" + BASIC, user.accessToken()).text("display_name")).isEqualTo("Basic");
    }

    @Test
    void createReviseAndDeleteOwnTemplate() {
        Session user = accounts.register();

        var created = api.post("/api/templates", vocabulary("Vocabulary"), user.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("display_name")).isEqualTo("Vocabulary");
        assertThat(created.text("kind")).isEqualTo("standard");
        assertThat(created.body().path("is_system").asBoolean()).isFalse();
        assertThat(created.text("owner_id")).isEqualTo(accounts.idOf(user));
        assertThat(names(created.body().path("card_types"))).containsExactly("Recognition");
        assertThat(names(api.get("/api/templates", user.accessToken()).body().path("items")))
                .containsExactly("Basic", "Basic (and reversed card)", "Cloze", "Vocabulary");

        var revised = api.patch("/api/templates/" + id, body(
                "display_name", "Words",
                "fields", List.of(field("Word", true), field("Meaning", false), field("Example", false)),
                "card_types", List.of(cardType("Recognition", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"),
                        cardType("Recall", "{{Meaning}}", "{{FrontSide}}<hr id=answer>{{Word}}"))), user.accessToken());

        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(200);
        var read = api.get("/api/templates/" + id, user.accessToken()).body();
        assertThat(read.path("display_name").asText()).isEqualTo("Words");
        assertThat(names(read.path("fields"))).containsExactly("Word", "Meaning", "Example");
        assertThat(names(read.path("card_types"))).containsExactly("Recognition", "Recall");
        assertThat(read.path("css").asText()).isEqualTo(".card { color: navy; }");

        assertThat(api.delete("/api/templates/" + id, user.accessToken()).status()).isEqualTo(204);
        var gone = api.get("/api/templates/" + id, user.accessToken());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("TEMPLATE_001");
        assertThat(api.get("/api/templates", user.accessToken()).body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void aTemplateCardsStillUseCannotBeDeleted() {
        Session user = accounts.register();
        String template = api.post("/api/templates", vocabulary("Vocabulary"), user.accessToken()).text("id");
        String deck = api.post("/api/decks", body("name", "Words"), user.accessToken()).text("id");
        String card = api.post("/api/cards", body("deck_id", deck, "template_id", template,
                "fields", Map.of("Word", "maison", "Meaning", "house")), user.accessToken()).text("id");

        var refused = api.delete("/api/templates/" + template, user.accessToken());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("TEMPLATE_002");
        assertThat(refused.body().path("detail").asText()).contains("used by 1 card");
        assertThat(api.get("/api/templates/" + template, user.accessToken()).status()).isEqualTo(200);

        assertThat(api.delete("/api/cards/" + card, user.accessToken()).status()).isEqualTo(204);
        assertThat(api.delete("/api/templates/" + template, user.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void anotherUsersTemplateDoesNotExistForMe() {
        Session alice = accounts.register();
        Session bob = accounts.register();
        String alices = api.post("/api/templates", vocabulary("Alice's"), alice.accessToken()).text("id");

        for (var response : List.of(
                api.get("/api/templates/" + alices, bob.accessToken()),
                api.patch("/api/templates/" + alices, body("display_name", "Mine now"), bob.accessToken()),
                api.delete("/api/templates/" + alices, bob.accessToken()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("TEMPLATE_001");
        }
        assertThat(api.get("/api/templates", bob.accessToken()).body().path("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/templates/" + alices, alice.accessToken()).text("display_name")).isEqualTo("Alice's");
    }

    @Test
    void invalidTemplatesAreRefused() {
        Session user = accounts.register();
        api.post("/api/templates", vocabulary("Taken"), user.accessToken());

        var unknownField = body("name", "Unknown field", "fields", List.of(field("Word", true)),
                "card_types", List.of(cardType("Card 1", "{{Word}}", "{{Meaning}}")));
        var clozeWithoutCloze = body("name", "Not a cloze", "kind", "cloze", "fields", List.of(field("Text", true)),
                "card_types", List.of(cardType("Cloze", "{{Text}}", "{{Text}}")));
        var duplicateFields = body("name", "Twice", "fields", List.of(field("Word", true), field("word", false)),
                "card_types", List.of(cardType("Card 1", "{{Word}}", "")));

        for (var request : List.of(unknownField, clozeWithoutCloze, duplicateFields, vocabulary("taken"))) {
            var response = api.post("/api/templates", request, user.accessToken());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
            assertThat(response.code()).isEqualTo("REQ_002");
        }
        assertThat(api.post("/api/templates", unknownField, user.accessToken()).text("detail")).contains("unknown field 'Meaning'");
        assertThat(api.get("/api/templates", user.accessToken()).body().path("total").asLong()).isEqualTo(4);
    }

    @Test
    void aRevisionThatDropsAFieldStillShownIsRefused() {
        Session user = accounts.register();
        String id = api.post("/api/templates", vocabulary("Vocabulary"), user.accessToken()).text("id");

        var response = api.patch("/api/templates/" + id, body("fields", List.of(field("Word", true))), user.accessToken());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(api.get("/api/templates/" + id, user.accessToken()).body().path("fields")).hasSize(2);
    }

    @Test
    void previewsABasicCard() {
        Session user = accounts.register();

        var preview = api.post("/api/templates/" + BASIC + "/preview",
                body("fields", Map.of("Front", "Capital of France", "Back", "<b>Paris</b>"), "card_ordinal", 1), user.accessToken());

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.text("question")).isEqualTo("Capital of France");
        assertThat(preview.text("answer")).isEqualToIgnoringWhitespace("Capital of France<hr id=\"answer\" /><b>Paris</b>");
        assertThat(preview.text("css")).contains(".card");
    }

    @Test
    void cardOrdinalPicksTheCardTypeOfAStandardTemplate() {
        Session user = accounts.register();
        var fields = Map.of("Front", "chat", "Back", "cat");

        var reversed = api.post("/api/templates/" + BASIC_AND_REVERSED + "/preview", body("fields", fields, "card_ordinal", 2), user.accessToken());
        var noThird = api.post("/api/templates/" + BASIC_AND_REVERSED + "/preview", body("fields", fields, "card_ordinal", 3), user.accessToken());

        assertThat(reversed.text("question")).isEqualTo("cat");
        assertThat(reversed.text("answer")).isEqualToIgnoringWhitespace("cat<hr id=\"answer\" />chat");
        assertThat(noThird.status()).isEqualTo(422);
        assertThat(noThird.code()).isEqualTo("REQ_002");
    }

    @Test
    void cardOrdinalPicksTheClozeNumber() {
        Session user = accounts.register();
        var fields = Map.of("Text", "{{c1::Paris}} is the capital of {{c2::France::country}}", "Back Extra", "Europe");

        var first = api.post("/api/templates/" + CLOZE + "/preview", body("fields", fields, "card_ordinal", 1), user.accessToken());
        var second = api.post("/api/templates/" + CLOZE + "/preview", body("fields", fields, "card_ordinal", 2), user.accessToken());

        assertThat(first.text("question")).contains("data-ordinal=\"1\">[...]</span>", "data-ordinal=\"2\">France</span>");
        assertThat(first.text("answer")).contains("<span class=\"cloze\" data-ordinal=\"1\">Paris</span>", "Europe");
        assertThat(second.text("question")).contains("data-ordinal=\"2\">[country]</span>", "data-ordinal=\"1\">Paris</span>");
        assertThat(second.text("answer")).contains("<span class=\"cloze\" data-ordinal=\"2\">France</span>");
        assertThat(first.text("css")).contains(".cloze");
    }

    @Test
    void previewStripsScriptsFromFields() {
        Session user = accounts.register();

        var preview = api.post("/api/templates/" + BASIC + "/preview",
                body("fields", Map.of("Front", "<i>hi</i><script>alert(1)</script><img src=x onerror=alert(2)>")), user.accessToken());

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("question")).startsWith("<i>hi</i>").doesNotContain("script", "alert", "onerror");
    }

    @Test
    void previewRefusesUnknownFieldsAndOthersTemplates() {
        Session alice = accounts.register();
        Session bob = accounts.register();
        String alices = api.post("/api/templates", vocabulary("Private"), alice.accessToken()).text("id");

        var unknownField = api.post("/api/templates/" + BASIC + "/preview", body("fields", Map.of("Question", "?")), alice.accessToken());
        var othersTemplate = api.post("/api/templates/" + alices + "/preview", body("fields", Map.of("Word", "w")), bob.accessToken());

        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.code()).isEqualTo("REQ_002");
        assertThat(othersTemplate.status()).isEqualTo(404);
        assertThat(othersTemplate.code()).isEqualTo("TEMPLATE_001");
        assertThat(api.post("/api/templates/" + alices + "/preview", body("fields", Map.of("Word", "w")), alice.accessToken()).text("question"))
                .isEqualTo("w");
    }

    /** The {@code name} of each element (Jackson's findValuesAsText would also collect nested names). */
    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(element.path("name").asText()));
        return names;
    }

    static Map<String, Object> vocabulary(String name) {
        return body("name", name,
                "fields", List.of(field("Word", true), field("Meaning", false)),
                "card_types", List.of(cardType("Recognition", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}")),
                "css", ".card { color: navy; }");
    }

    static Map<String, Object> field(String name, boolean required) {
        return body("name", name, "required", required);
    }

    static Map<String, Object> cardType(String name, String front, String back) {
        return body("name", name, "front_template", front, "back_template", back);
    }
}
