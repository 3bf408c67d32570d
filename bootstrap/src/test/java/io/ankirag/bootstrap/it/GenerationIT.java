package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static io.ankirag.bootstrap.testing.Answers.basic;
import static io.ankirag.bootstrap.testing.Answers.cards;
import static io.ankirag.bootstrap.testing.Answers.cardsThenFailure;
import static io.ankirag.bootstrap.testing.Answers.cloze;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.adapter.out.llm.fake.FakeLlmServer;
import io.ankirag.bootstrap.testing.FakeLlms;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import io.ankirag.bootstrap.testing.ScriptedFactChecker;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Call;
import io.ankirag.domain.prompt.PromptName;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.template.TemplateId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class GenerationIT extends HttpApiTestBase {

    static final String GENERATOR_V1 = PromptVersionId.ofSystem(new PromptName("card_generator")).toString();

    @Autowired
    ScriptedChatModel model;
    @Autowired
    ScriptedFactChecker factChecker;
    @Autowired
    JdbcTemplate jdbc;

    Generations generations;
    Session user;
    String deck;

    @BeforeEach
    void aUserWithADeck() {
        generations = new Generations(api);
        user = accounts.register();
        deck = generations.deck(user, "Python");
    }

    @Test
    void aTopicBecomesDraftCardsWithTheirGenerationRecord() {
        String topic = Generations.topic("Async/await in Python");
        model.script(topic, cards(Duration.ZERO,
                basic("What does <code>await</code> do?", "Suspends the coroutine until the awaitable completes"),
                cloze("{{c1::asyncio.run()}} starts the event loop", "Python 3.7+"),
                basic("What is a coroutine?", "A function defined with <code>async def</code>")));

        var accepted = generations.generate(user, body("topic", topic, "num_cards", 3, "deck_id", deck, "language", "en",
                "difficulty", "beginner"));

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("pending");
        assertThat(accepted.text("message")).isEqualTo("Generation job created");
        String job = accepted.text("job_id");
        JsonNode done = generations.awaitFinished(user, job);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("total_cards").asInt()).isEqualTo(3);
        assertThat(done.path("completed_cards").asInt()).isEqualTo(3);
        assertThat(done.path("errors")).isEmpty();
        assertThat(done.path("cards")).extracting(card -> card.path("sequence").asInt()).containsExactly(1, 2, 3);
        assertThat(done.path("cards").get(1).path("template_id").asText()).isEqualTo(TemplateId.ofSystem("Cloze").toString());
        assertThat(done.path("cards").get(1).path("fields").path("Text").asText()).isEqualTo("{{c1::asyncio.run()}} starts the event loop");

        List<JsonNode> drafts = generations.cardsIn(user, deck);
        assertThat(drafts).hasSize(3).allSatisfy(card -> {
            assertThat(card.path("status").asText()).isEqualTo("draft");
            assertThat(card.path("origin").asText()).isEqualTo("generated");
        });
        String firstCard = done.path("cards").get(0).path("id").asText();
        Map<String, Object> info = jdbc.queryForMap("""
                SELECT job_id::text AS job, prompt_version_id::text AS version, model, user_request->>'topic' AS topic,
                    user_request->>'difficulty' AS difficulty, fact_check_result FROM card_generation_info WHERE card_id = ?::uuid
                """, firstCard);
        assertThat(info).containsEntry("job", job).containsEntry("version", GENERATOR_V1).containsEntry("topic", topic)
                .containsEntry("difficulty", "beginner").containsEntry("fact_check_result", null);
        assertThat(info.get("model")).isNotNull();
        Map<String, Object> execution = jdbc.queryForMap("""
                SELECT purpose, prompt_version_id::text AS version, user_id::text AS user_id, rendered_system, rendered_user,
                    variables->>'num_cards' AS num_cards, response_text, input_tokens, output_tokens, latency_ms, error
                FROM prompt_executions WHERE job_id = ?::uuid
                """, job);
        assertThat(execution).containsEntry("purpose", "generation").containsEntry("version", GENERATOR_V1)
                .containsEntry("user_id", accounts.idOf(user)).containsEntry("num_cards", "3").containsEntry("error", null);
        assertThat((String) execution.get("rendered_user")).contains("Create 3 flashcards about " + topic);
        assertThat((String) execution.get("rendered_system")).contains("expert at creating educational flashcards", "\"cards\"");
        assertThat((String) execution.get("response_text")).contains("asyncio.run()");
        assertThat((Integer) execution.get("output_tokens")).isPositive();
        Call call = model.calls(topic).getFirst();
        assertThat(call.request().responseSchema()).contains("\"cloze\"");
    }

    @Test
    void theRequestReachesTheModelServerAsAskedAndItsTokenCountsAreRecorded() {
        String topic = Generations.topic("Java records");
        String card = basic("What does a record generate?", "Accessors, equals, hashCode and toString");
        model.script(topic, cards(Duration.ZERO, card));

        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 1, "deck_id", deck)));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        List<FakeLlmServer.Received> requests = FakeLlms.OPENAI.received().stream()
                .filter(request -> request.lastUserMessage().contains(topic)).toList();
        assertThat(requests).hasSize(1);
        FakeLlmServer.Received sent = requests.getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer fake-openai-key");
        assertThat(sent.model()).isEqualTo(FakeLlms.MODEL);
        assertThat(sent.streamed()).isTrue();
        Map<String, Object> execution = jdbc.queryForMap("""
                SELECT model, rendered_system, rendered_user, response_text, input_tokens, output_tokens, attempts
                FROM prompt_executions WHERE job_id = ?::uuid AND purpose = 'generation'
                """, UUID.fromString(done.path("id").asText()));
        assertThat(sent.messages()).extracting(FakeLlmServer.Message::role).containsExactly("system", "user");
        assertThat(sent.messages().get(0).content()).isEqualTo(execution.get("rendered_system"));
        assertThat(sent.messages().get(1).content()).isEqualTo(execution.get("rendered_user"));
        JsonNode format = sent.responseFormat();
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isNotBlank();
        assertThat(format.path("json_schema").path("schema").path("properties").has("cards")).as(format.toString()).isTrue();

        String answer = "{\"cards\": [" + card + "]}";
        assertThat(execution).containsEntry("model", FakeLlms.MODEL).containsEntry("response_text", answer)
                .containsEntry("attempts", 1)
                .containsEntry("input_tokens", sent.promptWords())
                .containsEntry("output_tokens", FakeLlmServer.pieces(answer).size());
        assertThat(jdbc.queryForObject("SELECT model FROM card_generation_info WHERE card_id = ?::uuid", String.class,
                UUID.fromString(done.path("cards").get(0).path("id").asText()))).isEqualTo(FakeLlms.MODEL);
    }

    @Test
    void withoutADeckTheCardsGoToTheUsersGeneratedDeck() {
        String topic = Generations.topic("Rust ownership");
        model.script(topic, cards(Duration.ZERO, basic("Who owns a value?", "Exactly one variable")));

        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 1)));

        String generatedDeck = done.path("deck_id").asText();
        assertThat(api.get("/api/decks/" + generatedDeck, user.accessToken()).text("name")).isEqualTo("Generated");
        assertThat(generations.cardsIn(user, generatedDeck)).hasSize(1);
        assertThat(done.path("language").asText()).isEqualTo("en");
        assertThat(done.path("difficulty").asText()).isEqualTo("intermediate");
    }

    @Test
    void invalidRequestsAreRefusedWithTheFieldsThatAreWrong() {
        var noTopic = generations.generate(user, body("num_cards", 0));
        assertThat(noTopic.status()).isEqualTo(422);
        assertThat(noTopic.code()).isEqualTo("REQ_002");
        assertThat(noTopic.body().path("errors").has("topic")).isTrue();
        assertThat(noTopic.body().path("errors").has("num_cards")).isTrue();

        var tooMany = generations.generate(user, body("topic", "x", "num_cards", 51));
        assertThat(tooMany.status()).isEqualTo(422);

        var badDifficulty = generations.generate(user, body("topic", "x", "difficulty", "expert"));
        assertThat(badDifficulty.status()).isEqualTo(422);
        assertThat(badDifficulty.body().path("detail").asText()).contains("difficulty");

        var strangersDeck = generations.generate(user, body("topic", "x", "deck_id", generations.deck(accounts.register(), "Theirs")));
        assertThat(strangersDeck.status()).isEqualTo(404);
        assertThat(strangersDeck.code()).isEqualTo("DECK_001");

        String chatPrompt = api.get("/api/prompts/chat_assistant", user.accessToken()).text("id");
        var wrongPrompt = generations.generate(user, body("topic", "x", "prompt_id", chatPrompt));
        assertThat(wrongPrompt.status()).isEqualTo(400);
        assertThat(wrongPrompt.code()).isEqualTo("GEN_002");

        var unknownPrompt = generations.generate(user, body("topic", "x", "prompt_id", UUID.randomUUID().toString()));
        assertThat(unknownPrompt.status()).isEqualTo(404);
        assertThat(unknownPrompt.code()).isEqualTo("PROMPT_001");
    }

    @Test
    void cardsThatRepeatTheUsersCardsOrEachOtherAreDroppedNamingTheCardTheyRepeat() {
        String existing = api.post("/api/cards", body("deck_id", deck, "template_id", TemplateId.ofSystem("Basic").toString(),
                "fields", Map.of("Front", "What is the Global Interpreter Lock?",
                        "Back", "A mutex that lets only one thread run Python bytecode at a time")), user.accessToken()).text("id");
        awaitSearchIndexHas(existing);
        String topic = Generations.topic("Python threads");
        model.script(topic, cards(Duration.ZERO,
                basic("What is the Global Interpreter Lock?", "A mutex that lets only one thread run Python bytecode at a time"),
                basic("What does threading.Lock protect?", "A critical section from concurrent threads"),
                basic("What does threading.Lock protect?", "A critical section from concurrent threads."),
                basic("What is a daemon thread?", "A thread that does not keep the process alive")));

        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 4, "deck_id", deck)));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("completed_cards").asInt()).isEqualTo(2);
        assertThat(done.path("duplicates_dropped").asInt()).isEqualTo(2);
        String lockCard = done.path("cards").get(0).path("id").asText();
        assertThat(done.path("cards").get(0).path("fields").path("Front").asText()).isEqualTo("What does threading.Lock protect?");
        JsonNode duplicates = done.path("duplicates");
        assertThat(duplicates).hasSize(2);
        assertThat(duplicates.get(0).path("duplicate_of").asText()).isEqualTo(existing);
        assertThat(duplicates.get(0).path("similarity").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(duplicates.get(0).path("fields").path("Front").asText()).isEqualTo("What is the Global Interpreter Lock?");
        assertThat(duplicates.get(1).path("duplicate_of").asText()).isEqualTo(lockCard);
        assertThat(generations.cardsIn(user, deck)).hasSize(3);
        assertThat(model.calls(topic).getFirst().request().userPrompt())
                .as("the user's related cards are the model's context")
                .contains("Global Interpreter Lock");
    }

    @Test
    void cardsThatFitNoTemplateAreRejectedWithTheReason() {
        String topic = Generations.topic("Go channels");
        model.script(topic, cards(Duration.ZERO,
                cloze("Channels have no deletion here", ""),
                "{\"type\": \"basic\", \"front\": \"Unbuffered channel?\", \"back\": \"\"}",
                "{\"question\": \"odd\"}",
                basic("What does close(ch) do?", "Signals that no more values will be sent")));

        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 4, "deck_id", deck)));

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("completed_cards").asInt()).isEqualTo(1);
        assertThat(done.path("failed_cards").asInt()).isEqualTo(3);
        assertThat(done.path("errors")).extracting(error -> error.path("message").asText())
                .containsExactly("a cloze card needs at least one deletion such as {{c1::answer}}",
                        "a generated card needs an answer on the back",
                        "the card is neither basic (front, back) nor cloze (text, extra)");
        assertThat(done.path("errors")).allSatisfy(error -> assertThat(error.path("code").asText()).isEqualTo("GEN_001"));
    }

    @Test
    void factCheckingPutsTheSourcesIntoTheCardsWhenAsked() {
        String topic = Generations.topic("HTTP status codes");
        model.script(topic, cards(Duration.ZERO,
                basic("What does HTTP 418 mean?", "I'm a teapot"),
                basic("What does HTTP 429 mean?", "Too Many Requests")));
        factChecker.script("418", new ScriptedFactChecker.Verdict(FactCheckPort.Verdict.DISPUTED, "An April Fools' code",
                "I'm a teapot (RFC 2324, a joke)", List.of(new FactCheckPort.Source("https://www.rfc-editor.org/rfc/rfc2324", "RFC 2324")),
                null));

        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 2,
                "deck_id", deck, "fact_check", true, "include_sources", true)));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        JsonNode teapot = done.path("cards").get(0);
        assertThat(teapot.path("fact_check").path("verdict").asText()).isEqualTo("disputed");
        assertThat(teapot.path("fact_check").path("correction").asText()).contains("RFC 2324");
        assertThat(teapot.path("fact_check").path("sources").get(0).path("url").asText()).isEqualTo("https://www.rfc-editor.org/rfc/rfc2324");
        assertThat(teapot.path("fields").path("Back").asText())
                .isEqualTo("I'm a teapot<br><div class=\"sources\">Sources: <a href=\"https://www.rfc-editor.org/rfc/rfc2324\">RFC 2324</a></div>");
        assertThat(done.path("cards").get(1).path("fact_check").path("verdict").asText()).isEqualTo("supported");
        String stored = api.get("/api/cards/" + teapot.path("id").asText(), user.accessToken()).body().path("fields").path("Back").asText();
        assertThat(stored).contains("rfc2324");
        assertThat(jdbc.queryForObject("SELECT fact_check_result->>'verdict' FROM card_generation_info WHERE card_id = ?::uuid",
                String.class, teapot.path("id").asText())).isEqualTo("disputed");
        JsonNode generation = api.get("/api/cards/" + teapot.path("id").asText() + "/generation", user.accessToken()).body();
        assertThat(generation.path("job_id").asText()).isEqualTo(done.path("id").asText());
        assertThat(generation.path("topic").asText()).isEqualTo(topic);
        assertThat(generation.path("fact_check").path("verdict").asText()).isEqualTo("disputed");
        assertThat(generation.path("fact_check").path("sources").get(0).path("title").asText()).isEqualTo("RFC 2324");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM prompt_executions WHERE job_id = ?::uuid AND purpose = 'fact_check'",
                Long.class, UUID.fromString(done.path("id").asText()))).isEqualTo(2);
    }

    @Test
    void factCheckedCardsKeepTheirFieldsWithoutSourcesAndUncheckedCardsAreNotChecked() {
        String checked = Generations.topic("SQL joins");
        model.script(checked, cards(Duration.ZERO, basic("What does a LEFT JOIN keep?", "Every row of the left table")));
        String unchecked = Generations.topic("SQL indexes");
        model.script(unchecked, cards(Duration.ZERO, basic("What does a B-tree index speed up?", "Range and equality lookups")));

        JsonNode withoutSources = generations.awaitFinished(user, generations.start(user, body("topic", checked, "num_cards", 1,
                "deck_id", deck, "fact_check", true, "include_sources", false)));
        JsonNode notChecked = generations.awaitFinished(user, generations.start(user, body("topic", unchecked, "num_cards", 1,
                "deck_id", deck)));

        JsonNode card = withoutSources.path("cards").get(0);
        assertThat(card.path("fact_check").path("verdict").asText()).isEqualTo("supported");
        assertThat(card.path("fields").path("Back").asText()).isEqualTo("Every row of the left table");
        assertThat(notChecked.path("cards").get(0).path("fact_check").isNull()).isTrue();
        assertThat(factChecker.claims("B-tree")).isEmpty();
        assertThat(factChecker.claims("LEFT JOIN")).containsExactly("Question: What does a LEFT JOIN keep?\nAnswer: Every row of the left table");
    }

    @Test
    void aCardNoJobMadeHasNoGenerationRecordAndAnotherUsersCardIsNotFound() {
        String topic = Generations.topic("Bash pipes");
        model.script(topic, cards(Duration.ZERO, basic("What does | connect?", "stdout of one command to stdin of the next")));
        JsonNode done = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 1, "deck_id", deck)));
        String generated = done.path("cards").get(0).path("id").asText();
        String written = api.post("/api/cards", body("deck_id", deck, "template_id", TemplateId.ofSystem("Basic").toString(),
                "fields", Map.of("Front", "Q", "Back", "A")),
                user.accessToken()).body().path("id").asText();

        var own = api.get("/api/cards/" + generated + "/generation", user.accessToken());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("model").asText()).isNotBlank();
        assertThat(own.body().path("fact_check").isNull()).isTrue();
        assertThat(api.get("/api/cards/" + written + "/generation", user.accessToken()).status()).isEqualTo(204);
        var stranger = api.get("/api/cards/" + generated + "/generation", accounts.register().accessToken());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("CARD_001");
    }

    @Test
    void whenTheModelFailsForGoodTheJobFailsAndTheCardsAlreadyMadeStayDrafts() {
        String topic = Generations.topic("Kubernetes pods");
        model.script(topic, cardsThenFailure(Duration.ofMillis(50), "the connection broke",
                basic("What is a pod?", "The smallest deployable unit"),
                basic("What runs in a pod?", "One or more containers sharing a network namespace")));

        JsonNode failed = generations.awaitFinished(user, generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck)));

        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("completed_cards").asInt()).isEqualTo(2);
        String reason = jdbc.queryForObject("SELECT error FROM prompt_executions WHERE job_id = ?::uuid", String.class,
                UUID.fromString(failed.path("id").asText()));
        assertThat(reason).as("the adapter's reason: a broken stream is not retried once cards were delivered")
                .startsWith("LLM openai at " + FakeLlms.OPENAI.baseUrl()).contains("not retried");
        assertThat(failed.path("errors")).anySatisfy(error -> {
            assertThat(error.path("code").asText()).isEqualTo("GEN_001");
            assertThat(error.path("message").asText()).isEqualTo(reason);
        });
        assertThat(generations.cardsIn(user, deck)).hasSize(2)
                .allSatisfy(card -> assertThat(card.path("status").asText()).isEqualTo("draft"));
    }

    @Test
    void cancellingStopsTheJobMidWayAndKeepsItsCards() {
        String topic = Generations.topic("Haskell monads");
        model.script(topic, cards(Duration.ofSeconds(2),
                basic("What is a monad?", "A type with return and bind obeying three laws"),
                basic("What is the Maybe monad for?", "Computations that may fail"),
                basic("What does >>= do?", "Binds a monadic value to a function"),
                basic("What is the IO monad?", "Sequenced side effects"),
                basic("What is do-notation?", "Syntax sugar for chains of >>=")));
        String job = generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck));
        generations.await(user, job, body -> body.path("completed_cards").asInt() >= 1, Duration.ofSeconds(20));

        var cancelled = api.post("/api/generate/jobs/" + job + "/cancel", Map.of(), user.accessToken());
        long cancelledAt = System.nanoTime();

        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        int made = cancelled.body().path("completed_cards").asInt();
        Generations.sleep(Duration.ofMillis(1500));
        JsonNode after = generations.job(user, job);
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.path("completed_cards").asInt()).as("no card after the cancel").isEqualTo(made).isLessThan(5);
        assertThat(generations.cardsIn(user, deck)).hasSize(made);
        Call call = model.calls(topic).getFirst();
        assertThat(Duration.ofNanos(call.endedNanos() - cancelledAt)).as("the stream was aborted soon after the cancel")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(call.endedNanos() - call.startedNanos())).as("not read to its end")
                .isLessThan(Duration.ofSeconds(9));
        assertThat(api.post("/api/generate/jobs/" + job + "/cancel", Map.of(), user.accessToken()).status())
                .as("cancelling again is fine").isEqualTo(200);
    }

    @Test
    void aFinishedJobCannotBeCancelled() {
        String topic = Generations.topic("Erlang processes");
        model.script(topic, cards(Duration.ZERO, basic("How do Erlang processes talk?", "By message passing")));
        String job = generations.start(user, body("topic", topic, "num_cards", 1, "deck_id", deck));
        generations.awaitFinished(user, job);

        var refused = api.post("/api/generate/jobs/" + job + "/cancel", Map.of(), user.accessToken());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("GEN_004");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameJobWhateverBecameOfIt() {
        String topic = Generations.topic("Elixir pipes");
        model.script(topic, cards(Duration.ZERO, basic("What does |> do?", "Passes the left value as the first argument")));
        String key = UUID.randomUUID().toString();
        var request = body("topic", topic, "num_cards", 1, "deck_id", deck, "idempotency_key", key);

        var first = generations.generate(user, request);
        var again = generations.generate(user, request);
        generations.awaitFinished(user, first.text("job_id"));
        var afterItFinished = generations.generate(user, request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("job_id")).isEqualTo(first.text("job_id"));
        assertThat(again.text("message")).contains("already started");
        assertThat(afterItFinished.status()).isEqualTo(202);
        assertThat(afterItFinished.text("job_id")).isEqualTo(first.text("job_id"));
        assertThat(afterItFinished.text("status")).isEqualTo("completed");
        assertThat(model.calls(topic)).hasSize(1);
        assertThat(api.get("/api/generate/jobs", user.accessToken()).body().path("total").asLong()).isEqualTo(1);

        var byHeader = api.postWithHeader("/api/generate", body("topic", topic, "num_cards", 1, "deck_id", deck),
                user.accessToken(), "Idempotency-Key", key);
        assertThat(byHeader.text("job_id")).isEqualTo(first.text("job_id"));
        var otherUser = generations.generate(accounts.register(), body("topic", topic, "num_cards", 1, "idempotency_key", key));
        assertThat(otherUser.text("job_id")).as("keys are per user").isNotEqualTo(first.text("job_id"));
    }

    @Test
    void pastTheRateLimitRequestsAreRefusedWithRetryAfterButRepeatsStillAnswer() {
        String key = UUID.randomUUID().toString();
        String keyed = generations.start(user, body("topic", Generations.topic("limits"), "deck_id", deck, "idempotency_key", key));
        for (int i = 1; i < 10; i++) {
            generations.start(user, body("topic", Generations.topic("limits"), "deck_id", deck));
        }

        var refused = generations.generate(user, body("topic", Generations.topic("limits"), "deck_id", deck));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_001");
        long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3000L, 3600L);
        var repeat = generations.generate(user, body("topic", "anything", "deck_id", deck, "idempotency_key", key));
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.text("job_id")).isEqualTo(keyed);
        assertThat(generations.generate(accounts.register(), body("topic", Generations.topic("limits"))).status())
                .as("limits are per user").isEqualTo(202);
    }

    @Test
    void jobsAreTheirOwnersOnly() {
        String topic = Generations.topic("Scala implicits");
        model.script(topic, cards(Duration.ZERO, basic("What is an implicit parameter?", "One the compiler fills in")));
        String job = generations.start(user, body("topic", topic, "num_cards", 1, "deck_id", deck));
        generations.awaitFinished(user, job);
        Session stranger = accounts.register();

        var peek = api.get("/api/generate/jobs/" + job, stranger.accessToken());
        var cancel = api.post("/api/generate/jobs/" + job + "/cancel", Map.of(), stranger.accessToken());
        var strangersList = api.get("/api/generate/jobs", stranger.accessToken());
        var ownList = api.get("/api/generate/jobs?page=1&size=5", user.accessToken());

        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.code()).isEqualTo("GEN_003");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.code()).isEqualTo("GEN_003");
        assertThat(strangersList.body().path("total").asLong()).isZero();
        assertThat(ownList.body().path("items")).singleElement()
                .satisfies(item -> {
                    assertThat(item.path("id").asText()).isEqualTo(job);
                    assertThat(item.path("status").asText()).isEqualTo("completed");
                    assertThat(item.has("cards")).isFalse();
                });
        assertThat(ownList.body().path("size").asInt()).isEqualTo(5);
    }

    private void awaitSearchIndexHas(String card) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM card_embeddings WHERE card_id = ?::uuid AND embedding IS NOT NULL",
                Long.class, card) == 0) {
            assertThat(System.nanoTime()).as("card %s indexed", card).isLessThan(deadline);
            Generations.sleep(Duration.ofMillis(50));
        }
    }
}
