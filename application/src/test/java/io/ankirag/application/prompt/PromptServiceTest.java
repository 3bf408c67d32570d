package io.ankirag.application.prompt;

import static io.ankirag.application.fakes.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase.NewPrompt;
import io.ankirag.application.port.in.prompt.ManagePromptsUseCase.PromptRevision;
import io.ankirag.application.port.in.prompt.PromptView;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.prompt.PromptCategory;
import io.ankirag.domain.prompt.PromptContent;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.prompt.SystemPrompts;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptServiceTest {

    static final UserId ADMIN = new UserId(UUID.fromString("00000000-0000-7000-8000-0000000000ad"));
    static final String SCHEMA = "{\"properties\": {\"topic\": {}, \"count\": {}, \"tags\": {}}}";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    final InMemoryPrompts store = new InMemoryPrompts();
    final StubSchemas schemas = new StubSchemas();
    final PromptService service = new PromptService(store, store, schemas, clock);

    @Test
    void createsVersionOneWithTheGatewayDefaults() {
        PromptView created = create("quiz", "Quiz on {topic}");

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.active()).isTrue();
        assertThat(created.system()).isFalse();
        assertThat(created.createdBy()).isEqualTo(ADMIN);
        assertThat(created.temperature()).isEqualTo(PromptContent.DEFAULT_TEMPERATURE);
        assertThat(created.maxTokens()).isEqualTo(PromptContent.DEFAULT_MAX_TOKENS);
    }

    @Test
    void refusesPlaceholdersTheSchemaDoesNotDeclareAndInvalidSchemasBeforeSendingAnything() {
        var undeclared = refusalOf(() -> service.createPrompt(ADMIN,
                new NewPrompt("quiz", "generation", "{persona}", "Quiz on {topic} {level}", SCHEMA, null, null)));
        var invalid = refusalOf(() -> service.createPrompt(ADMIN,
                new NewPrompt("quiz", "generation", "", "Quiz", "invalid", null, null)));

        assertThat(undeclared.code()).isEqualTo(ErrorCode.REQ_002);
        assertThat(undeclared.detail()).contains("{persona}, {level}");
        assertThat(invalid.code()).isEqualTo(ErrorCode.REQ_002);
        assertThat(store.sent).isEmpty();
    }

    @Test
    void revisionKeepsWhatItDoesNotChangeAndLinksItsParent() {
        PromptView v1 = create("quiz", "Quiz on {topic}");
        clock.advance(Duration.ofMinutes(1));

        PromptView v2 = service.revisePrompt(ADMIN, "quiz",
                new PromptRevision(null, null, null, null, null, 0.2, null, true));
        PromptView v3 = service.revisePrompt(ADMIN, "quiz",
                new PromptRevision(1, "improvement", null, "Harder quiz on {topic}", null, null, null, false));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.parentId()).isEqualTo(v1.id());
        assertThat(v2.userPromptTemplate()).isEqualTo("Quiz on {topic}");
        assertThat(v2.temperature()).isEqualTo(0.2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.parentId()).isEqualTo(v1.id());
        assertThat(v3.temperature()).isEqualTo(PromptContent.DEFAULT_TEMPERATURE);
        assertThat(v3.category()).isEqualTo(PromptCategory.IMPROVEMENT);
        assertThat(v3.active()).isFalse();
        assertThat(service.prompt("quiz").id()).isEqualTo(v2.id());
        assertThat(service.versions("quiz")).extracting(PromptView::version).containsExactly(3, 2, 1);
    }

    @Test
    void revisionFromAMissingVersionIsNotFound() {
        create("quiz", "Quiz on {topic}");

        var refusal = refusalOf(() -> service.revisePrompt(ADMIN, "quiz",
                new PromptRevision(7, null, null, null, null, null, null, true)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.PROMPT_001);
    }

    @Test
    void rendersWithDefaultsAndTextsOfEveryKindOfValue() {
        schemas.defaults.put("count", 10);
        create("quiz", "{count} cards on {topic}, tagged {tags}.");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("topic", "asyncio");
        variables.put("tags", List.of("python", 3.5, true));

        var rendered = service.render("quiz", variables);

        assertThat(rendered.user()).isEqualTo("10 cards on asyncio, tagged python, 3.5, true.");
        assertThat(rendered.system()).isEqualTo("You write quizzes.");
        assertThat(rendered.version()).isEqualTo(1);
        assertThat(rendered.versionId()).isEqualTo(service.prompt("quiz").id());
    }

    @Test
    void renderListsEveryViolation() {
        schemas.required.addAll(List.of("topic", "count"));
        create("quiz", "{count} cards on {topic}");

        var refusal = refusalOf(() -> service.render("quiz", Map.of()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.REQ_002);
        assertThat(refusal.detail()).contains("$.topic is required", "$.count is required", "version 1");
    }

    @Test
    void renderingAnUnknownPromptIsNotFound() {
        assertThat(refusalOf(() -> service.render("nope", Map.of())).code()).isEqualTo(ErrorCode.PROMPT_001);
    }

    @Test
    void seedsSystemPromptsOnceWithFixedIdsOwnedByTheInstallation() {
        service.seedSystemPrompts();
        service.revisePrompt(ADMIN, "card_generator", new PromptRevision(null, null, null, null, null, 0.1, null, true));
        service.seedSystemPrompts();

        var page = service.prompts(null, new PageRequest(1, 10));
        assertThat(page.items()).extracting(PromptView::name).containsExactly("card_generator", "chat_assistant", "fact_checker");
        assertThat(page.items()).allSatisfy(prompt -> assertThat(prompt.system()).isTrue());
        PromptView generator = service.versions("card_generator").getLast();
        assertThat(generator.id()).isEqualTo(PromptVersionId.ofSystem(SystemPrompts.CARD_GENERATOR));
        assertThat(generator.createdBy()).isEqualTo(UserId.SYSTEM);
        assertThat(service.prompt("card_generator").version()).isEqualTo(2);
        assertThat(store.sent).hasSize(4);
    }

    @Test
    void deletedPromptIsGoneButSystemPromptsStay() {
        service.seedSystemPrompts();
        create("quiz", "Quiz on {topic}");

        service.deletePrompt(ADMIN, "quiz");

        assertThat(refusalOf(() -> service.prompt("quiz")).code()).isEqualTo(ErrorCode.PROMPT_001);
        assertThat(refusalOf(() -> service.deletePrompt(ADMIN, "fact_checker")).code()).isEqualTo(ErrorCode.PROMPT_003);
        assertThat(refusalOf(() -> create("quiz", "Again {topic}")).code()).isEqualTo(ErrorCode.PROMPT_002);
    }

    @Test
    void listsByCategory() {
        service.seedSystemPrompts();

        var chat = service.prompts(PromptCategory.CHAT, new PageRequest(1, 10));

        assertThat(chat.items()).extracting(PromptView::name).containsExactly("chat_assistant");
    }

    private PromptView create(String name, String template) {
        return service.createPrompt(ADMIN, new NewPrompt(name, "generation", "You write quizzes.", template, SCHEMA, null, null));
    }
}
