package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prompts are installation-wide, so every test works on names of its own. */
@IntegrationTest
class PromptsIT extends HttpApiTestBase {

    static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "topic", Map.of("type", "string"),
                    "num_cards", Map.of("type", "integer", "minimum", 1, "maximum", 50, "default", 10)),
            "required", List.of("topic"));

    String admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = accounts.admin().accessToken();
    }

    @Test
    void systemPromptsArePresentAfterStartForEveryUser() {
        String user = accounts.register().accessToken();

        var generation = api.get("/api/prompts?category=generation&size=100", user);
        var generator = api.get("/api/prompts/card_generator", user);

        assertThat(generation.status()).isEqualTo(200);
        assertThat(generation.body().path("items").findValuesAsText("name")).contains("card_generator");
        assertThat(generation.body().path("items").findValuesAsText("category")).containsOnly("generation");
        assertThat(generator.status()).isEqualTo(200);
        assertThat(generator.body().path("is_system").asBoolean()).isTrue();
        assertThat(generator.text("created_by")).isEqualTo(new UUID(0, 0).toString());
        assertThat(generator.text("user_prompt_template")).contains("Create {num_cards} flashcards about {topic}.");
        assertThat(generator.body().path("variables_schema").path("required").get(0).asText()).isEqualTo("topic");
        for (String name : List.of("fact_checker", "chat_assistant")) {
            assertThat(api.get("/api/prompts/" + name, user).body().path("is_system").asBoolean()).as(name).isTrue();
        }
    }

    @Test
    void revisingTwiceMakesVersionThreeActiveWithParentLinks() {
        String name = uniqueName();
        var v1 = create(name, "Quiz on {topic}");

        var v2 = api.post("/api/prompts/" + name + "/versions", body("temperature", 0.2), admin);
        var v3 = api.post("/api/prompts/" + name + "/versions", body("user_prompt_template", "{num_cards} questions on {topic}"), admin);

        assertThat(v2.status()).as(v2.body().toString()).isEqualTo(201);
        assertThat(v3.status()).as(v3.body().toString()).isEqualTo(201);
        var versions = api.get("/api/prompts/" + name + "/versions", admin).body();
        assertThat(versions.findValuesAsText("version")).containsExactly("3", "2", "1");
        assertThat(versions.get(0).path("parent_id").asText()).isEqualTo(v2.text("id"));
        assertThat(versions.get(1).path("parent_id").asText()).isEqualTo(v1.text("id"));
        assertThat(versions.get(2).path("parent_id").isNull()).isTrue();
        assertThat(activeVersions(versions)).containsExactly(3);
        assertThat(versions.get(0).path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(versions.get(1).path("user_prompt_template").asText()).isEqualTo("Quiz on {topic}");
        assertThat(versions.findValuesAsText("prompt_id")).containsOnly(v1.text("prompt_id"));
        var active = api.get("/api/prompts/" + name, admin);
        assertThat(active.body().path("version").asInt()).isEqualTo(3);
        assertThat(active.text("id")).isEqualTo(v3.text("id"));
    }

    @Test
    void activatingAnOlderVersionPutsItBackInUse() {
        String name = uniqueName();
        create(name, "Quiz on {topic}");
        api.post("/api/prompts/" + name + "/versions", body("user_prompt_template", "Harder quiz on {topic}"), admin);

        var activated = api.post("/api/prompts/" + name + "/versions/1/activate", body(), admin);

        assertThat(activated.status()).as(activated.body().toString()).isEqualTo(200);
        assertThat(activated.body().path("version").asInt()).isEqualTo(1);
        assertThat(activeVersions(api.get("/api/prompts/" + name + "/versions", admin).body())).containsExactly(1);
        var rendered = api.post("/api/prompts/" + name + "/render", body("variables", Map.of("topic", "asyncio")), admin);
        assertThat(rendered.text("user_prompt")).isEqualTo("Quiz on asyncio");
        assertThat(api.post("/api/prompts/" + name + "/versions/7/activate", body(), admin).code()).isEqualTo("PROMPT_001");
    }

    @Test
    void newVersionCanBeMadeFromAnOlderOneWithoutActivatingIt() {
        String name = uniqueName();
        var v1 = create(name, "Quiz on {topic}");
        api.post("/api/prompts/" + name + "/versions", body("temperature", 1.5), admin);

        var v3 = api.post("/api/prompts/" + name + "/versions", body("from_version", 1, "max_tokens", 100, "activate", false), admin);

        assertThat(v3.status()).as(v3.body().toString()).isEqualTo(201);
        assertThat(v3.body().path("version").asInt()).isEqualTo(3);
        assertThat(v3.text("parent_id")).isEqualTo(v1.text("id"));
        assertThat(v3.body().path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(v3.body().path("is_active").asBoolean()).isFalse();
        assertThat(api.get("/api/prompts/" + name, admin).body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void undeclaredPlaceholderIsRefused() {
        var response = api.post("/api/prompts", body("name", uniqueName(), "category", "generation",
                "system_prompt", "You teach {subject}.", "user_prompt_template", "Quiz on {topic} at {level}",
                "variables_schema", SCHEMA), admin);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(response.text("detail")).contains("{subject}", "{level}").doesNotContain("{topic}");
    }

    @Test
    void invalidSchemaIsRefused() {
        String name = uniqueName();
        var badType = api.post("/api/prompts", body("name", name, "category", "generation",
                "user_prompt_template", "Quiz", "variables_schema", Map.of("type", "objekt")), admin);
        var notAnObject = api.post("/api/prompts", body("name", name, "category", "generation",
                "user_prompt_template", "Quiz", "variables_schema", List.of("topic")), admin);

        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.code()).isEqualTo("REQ_002");
        assertThat(badType.text("detail")).contains("not a valid JSON Schema", "$.type");
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(api.get("/api/prompts/" + name, admin).code()).isEqualTo("PROMPT_001");
    }

    @Test
    void invalidRevisionChangesNothing() {
        String name = uniqueName();
        create(name, "Quiz on {topic}");

        var response = api.post("/api/prompts/" + name + "/versions",
                body("user_prompt_template", "Quiz on {subject}", "temperature", 3.0), admin);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("detail")).contains("temperature");
        assertThat(api.get("/api/prompts/" + name + "/versions", admin).body()).hasSize(1);
    }

    @Test
    void renderFillsTheTemplatesWithDefaultsAndNamesTheVersionUsed() {
        String name = uniqueName();
        var v1 = create(name, "Create {num_cards} cards about {topic}.");
        String user = accounts.register().accessToken();

        var rendered = api.post("/api/prompts/" + name + "/render", body("variables", Map.of("topic", "asyncio")), user);

        assertThat(rendered.status()).as(rendered.body().toString()).isEqualTo(200);
        assertThat(rendered.text("user_prompt")).isEqualTo("Create 10 cards about asyncio.");
        assertThat(rendered.text("system_prompt")).isEqualTo("You write flashcards.");
        assertThat(rendered.text("prompt_version_id")).isEqualTo(v1.text("id"));
        assertThat(rendered.body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void renderWithMissingOrInvalidVariablesListsEveryProblem() {
        String name = uniqueName();
        create(name, "Create {num_cards} cards about {topic}.");

        var response = api.post("/api/prompts/" + name + "/render", body("variables", Map.of("num_cards", 500)), admin);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(response.text("detail")).contains("required property 'topic'", "$.num_cards", "50");
    }

    @Test
    void renderingTheSystemCardGenerator() {
        var rendered = api.post("/api/prompts/card_generator/render",
                body("variables", Map.of("topic", "Photosynthesis", "num_cards", 3, "language", "ru")), admin);

        assertThat(rendered.status()).as(rendered.body().toString()).isEqualTo(200);
        assertThat(rendered.text("user_prompt")).contains("Create 3 flashcards about Photosynthesis.", "Language: ru",
                "Difficulty: intermediate");
    }

    @Test
    void onlyAdminsWritePrompts() {
        String name = uniqueName();
        create(name, "Quiz on {topic}");
        Session user = accounts.register();
        String token = user.accessToken();

        var created = api.post("/api/prompts", newPrompt(uniqueName(), "Quiz on {topic}"), token);
        var revised = api.post("/api/prompts/" + name + "/versions", body("temperature", 0.1), token);
        var activated = api.post("/api/prompts/" + name + "/versions/1/activate", body(), token);
        var deleted = api.delete("/api/prompts/" + name, token);

        for (var response : List.of(created, revised, activated, deleted)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("AUTH_004");
        }
        assertThat(api.get("/api/prompts/" + name + "/versions", token).body()).hasSize(1);
    }

    @Test
    void deletedPromptIsGoneAndItsNameStaysTaken() {
        String name = uniqueName();
        create(name, "Quiz on {topic}");

        assertThat(api.delete("/api/prompts/" + name, admin).status()).isEqualTo(204);

        assertThat(api.get("/api/prompts/" + name, admin).code()).isEqualTo("PROMPT_001");
        assertThat(api.get("/api/prompts/" + name + "/versions", admin).code()).isEqualTo("PROMPT_001");
        var again = api.post("/api/prompts", newPrompt(name, "Quiz on {topic}"), admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROMPT_002");
    }

    @Test
    void aNameIsCreatedOnce() {
        String name = uniqueName();
        create(name, "Quiz on {topic}");

        var again = api.post("/api/prompts", newPrompt(name, "Other {topic}"), admin);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROMPT_002");
    }

    @Test
    void systemPromptCannotBeDeletedButCanBeRevised() {
        var deleted = api.delete("/api/prompts/fact_checker", admin);

        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.code()).isEqualTo("PROMPT_003");
        assertThat(api.get("/api/prompts/fact_checker", admin).status()).isEqualTo(200);
        var revised = api.post("/api/prompts/fact_checker/versions", body("max_tokens", 1500, "activate", false), admin);
        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(201);
        assertThat(revised.body().path("is_system").asBoolean()).isTrue();
    }

    @Test
    void listIsPaginatedAndFilteredByCategory() {
        for (int i = 0; i < 3; i++) {
            var response = api.post("/api/prompts", body("name", uniqueName(), "category", "improvement",
                    "user_prompt_template", "Improve", "variables_schema", Map.of("type", "object")), admin);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        }

        var page = api.get("/api/prompts?category=improvement&page=1&size=2", admin);

        assertThat(page.body().path("items")).hasSize(2);
        assertThat(page.body().path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.body().path("items").findValuesAsText("category")).containsOnly("improvement");
        assertThat(api.get("/api/prompts?category=poetry", admin).code()).isEqualTo("REQ_002");
    }

    private ApiClient.Response create(String name, String template) {
        var response = api.post("/api/prompts", newPrompt(name, template), admin);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("version").asInt()).isEqualTo(1);
        assertThat(response.body().path("is_active").asBoolean()).isTrue();
        return response;
    }

    private static Map<String, Object> newPrompt(String name, String template) {
        return body("name", name, "category", "generation", "system_prompt", "You write flashcards.",
                "user_prompt_template", template, "variables_schema", SCHEMA);
    }

    private static List<Integer> activeVersions(JsonNode versions) {
        List<Integer> active = new java.util.ArrayList<>();
        versions.forEach(version -> {
            if (version.path("is_active").asBoolean()) {
                active.add(version.path("version").asInt());
            }
        });
        return active;
    }

    private static String uniqueName() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
