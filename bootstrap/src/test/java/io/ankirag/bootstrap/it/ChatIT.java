package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.port.out.command.SendCommandPort;
import io.ankirag.application.port.out.llm.ChatModelPort.Turn;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.it.SseClient.Connection;
import io.ankirag.bootstrap.it.SseClient.Event;
import io.ankirag.bootstrap.testing.Answers;
import io.ankirag.bootstrap.testing.FakeLlms;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Answer;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Fail;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Send;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Wait;
import io.ankirag.domain.chat.ChatMessageContent;
import io.ankirag.domain.chat.ChatMessageId;
import io.ankirag.domain.chat.ChatSessionCommand.AskQuestion;
import io.ankirag.domain.chat.ChatSessionCommand.RecordAnswer;
import io.ankirag.domain.chat.ChatSessionId;
import io.ankirag.domain.shared.AggregateCommand;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The study assistant over real HTTP (spec 5.5), with the real chat model adapter streaming from the fake
 * OpenAI-compatible server, real PostgreSQL (events, read models, the search index) and Redis (rate limits).
 */
@IntegrationTest
class ChatIT extends HttpApiTestBase {

    private static final String BASIC = TemplateId.ofSystem("Basic").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ScriptedChatModel model;

    @Autowired
    SendCommandPort commands;

    SseClient sse;
    Session user;

    @BeforeEach
    void aUser() {
        sse = new SseClient(port);
        user = accounts.register();
    }

    // --- sessions

    @Test
    void sessionsAreCreatedListedNewestFirstRenamedArchivedAndDeleted() {
        String deck = deck(user, "Python", null);
        var created = api.post("/api/chat/sessions", body("title", "Learning Python",
                "context", body("deck_id", deck, "topic", "async programming")), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("title")).isEqualTo("Learning Python");
        assertThat(created.body().path("context").path("deck_id").asText()).isEqualTo(deck);
        assertThat(created.body().path("context").path("topic").asText()).isEqualTo("async programming");
        assertThat(created.body().path("archived").asBoolean()).isFalse();
        String first = created.text("id");
        String second = session(user, "Second", null);

        var listed = api.get("/api/chat/sessions", user.accessToken());
        assertThat(listed.body().path("items").findValuesAsText("id")).containsExactly(second, first);
        assertThat(listed.body().path("total").asInt()).isEqualTo(2);

        var renamed = api.patch("/api/chat/sessions/" + first, body("title", "Asyncio"), user.accessToken());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("title")).isEqualTo("Asyncio");
        var archived = api.patch("/api/chat/sessions/" + first, body("archived", true), user.accessToken());
        assertThat(archived.body().path("archived").asBoolean()).isTrue();
        assertThat(api.get("/api/chat/sessions", user.accessToken()).body().path("items").findValuesAsText("id")).containsExactly(second);
        assertThat(api.get("/api/chat/sessions?archived=true", user.accessToken()).body().path("items").findValuesAsText("id"))
                .containsExactly(first);
        try (Connection refused = ask(user, first, "Anything?")) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(JSON.readTree(refused.rest()).path("code").asText()).isEqualTo("CHAT_002");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(api.patch("/api/chat/sessions/" + first, body("archived", false), user.accessToken()).body()
                .path("archived").asBoolean()).isFalse();

        assertThat(api.delete("/api/chat/sessions/" + first, user.accessToken()).status()).isEqualTo(204);
        var gone = api.get("/api/chat/sessions/" + first, user.accessToken());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("CHAT_001");
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String mine = session(user, "Mine", null);
        Session stranger = accounts.register();

        for (var answer : List.of(api.get("/api/chat/sessions/" + mine, stranger.accessToken()),
                api.patch("/api/chat/sessions/" + mine, body("title", "Theirs"), stranger.accessToken()),
                api.delete("/api/chat/sessions/" + mine, stranger.accessToken()),
                api.post("/api/chat/sessions/" + mine + "/messages/" + UUID.randomUUID() + "/cards", Map.of(), stranger.accessToken()))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("CHAT_001");
        }
        try (Connection refused = ask(stranger, mine, "Hello?")) {
            assertThat(refused.status()).isEqualTo(404);
        }
        assertThat(api.get("/api/chat/sessions", stranger.accessToken()).body().path("total").asInt()).isZero();
        var invalid = api.post("/api/chat/sessions", body("title", " "), user.accessToken());
        assertThat(invalid.status()).isEqualTo(422);
        var unknownDeck = api.post("/api/chat/sessions", body("title", "x", "context", body("deck_id", UUID.randomUUID().toString())),
                user.accessToken());
        assertThat(unknownDeck.code()).isEqualTo("DECK_001");
    }

    // --- answers

    @Test
    void anAnswerStreamsAsContentThenMetadataThenDoneAndIsStored() {
        String deck = deck(user, "Biology", null);
        List<String> cards = cards(user, deck, List.of("What is the powerhouse of the cell?", "The mitochondria"),
                List.of("What do ribosomes make?", "Proteins"));
        awaitIndexCaughtUp();
        String session = session(user, "Cells", deck);
        String question = "Which organelle produces energy for the cell? " + UUID.randomUUID();
        String text = "The mitochondria [card:" + cards.get(0) + "] produce most of the cell's ATP.";
        model.script(question, new Answer(List.of(new Send("The mitochondria [card:" + cards.get(0) + "] "),
                new Wait(Duration.ofMillis(100)), new Send("produce most of the cell's ATP."))));

        List<Event> events;
        try (Connection stream = ask(user, session, question)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            events = stream.until("done", "error");
        }

        List<String> names = events.stream().map(Event::name).toList();
        assertThat(names.getLast()).isEqualTo("done");
        assertThat(names.get(names.size() - 2)).isEqualTo("metadata");
        assertThat(names.subList(0, names.size() - 2)).hasSizeGreaterThan(2).allMatch("content"::equals);
        assertThat(events.stream().filter(e -> e.name().equals("content")).map(e -> e.json().path("chunk").asText())
                .collect(Collectors.joining())).isEqualTo(text);
        JsonNode metadata = events.get(names.size() - 2).json();
        assertThat(metadata.path("tokens").asInt()).isPositive()
                .isEqualTo(metadata.path("input_tokens").asInt() + metadata.path("output_tokens").asInt());
        List<JsonNode> sources = new ArrayList<>();
        metadata.path("sources").forEach(sources::add);
        assertThat(sources).extracting(s -> s.path("card_id").asText()).contains(cards.get(0)).isSubsetOf(cards);
        JsonNode cited = sources.stream().filter(s -> s.path("card_id").asText().equals(cards.get(0))).findFirst().orElseThrow();
        assertThat(cited.path("cited").asBoolean()).isTrue();
        assertThat(cited.path("deck_id").asText()).isEqualTo(deck);
        assertThat(cited.path("deck_name").asText()).isEqualTo("Biology");
        assertThat(cited.path("snippet").asText()).contains("powerhouse of the cell");
        assertThat(cited.path("score").asDouble()).isPositive();
        String answerId = events.getLast().json().path("message_id").asText();

        ScriptedChatModel.Call call = model.calls(question).getFirst();
        assertThat(call.request().systemPrompt()).contains("[card:" + cards.get(0) + "]", "powerhouse of the cell", "[card:ID]");
        assertThat(call.request().userPrompt()).isEqualTo(question);

        JsonNode stored = api.get("/api/chat/sessions/" + session, user.accessToken()).body();
        assertThat(stored.path("message_count").asInt()).isEqualTo(2);
        JsonNode messages = stored.path("messages").path("items");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).isEqualTo(question);
        assertThat(messages.get(1).path("id").asText()).isEqualTo(answerId);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(text);
        assertThat(messages.get(1).path("complete").asBoolean()).isTrue();
        assertThat(messages.get(1).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(messages.get(1).path("model").asText()).isEqualTo(FakeLlms.MODEL);
        assertThat(messages.get(1).path("sources").findValuesAsText("card_id")).contains(cards.get(0));
    }

    @Test
    void sourcesAreOnlyTheCallersRetrievedCardsEvenWhenAnotherUsersCardsMatchBetter() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String deck = deck(user, "Mine", null);
        String elsewhere = deck(user, "Elsewhere", null);
        String mine = cards(user, deck, List.of("Something loosely about " + word, "a weak match")).getFirst();
        String outsideScope = cards(user, elsewhere, List.of(word + " " + word + " exactly", word)).getFirst();
        Session stranger = accounts.register();
        String theirs = cards(stranger, deck(stranger, "Theirs", null),
                List.of("What is " + word + "? " + word + " " + word, word + " exactly")).getFirst();
        awaitIndexCaughtUp();
        String session = session(user, "Scoped", deck);
        String question = "What is " + word + "?";
        model.script(question, new Answer(List.of(new Send("It is [card:" + theirs + "] and [card:" + mine + "]."))));

        List<Event> events;
        try (Connection stream = ask(user, session, question)) {
            events = stream.until("done", "error");
        }

        JsonNode metadata = events.stream().filter(e -> e.name().equals("metadata")).findFirst().orElseThrow().json();
        assertThat(metadata.path("sources").findValuesAsText("card_id")).containsExactly(mine);
        String system = model.calls(question).getFirst().request().systemPrompt();
        assertThat(system).contains(mine).doesNotContain(theirs, outsideScope, word + " exactly");
    }

    @Test
    void historyIsBoundedByTheTokenBudgetOnA200TurnSession() {
        String session = session(user, "Long", null);
        UserId owner = new UserId(UUID.fromString(api.get("/api/users/me", user.accessToken()).text("id")));
        ChatSessionId id = new ChatSessionId(UUID.fromString(session));
        Instant start = Instant.now().minus(Duration.ofDays(1));
        List<AggregateCommand> turns = new ArrayList<>();
        for (int turn = 1; turn <= 200; turn++) {
            ChatMessageId asked = new ChatMessageId(UUID.randomUUID());
            Instant at = start.plusSeconds(turn * 10L);
            turns.add(new AskQuestion(id, owner, asked, new ChatMessageContent("Question " + turn + " " + "q".repeat(150)), at));
            turns.add(new RecordAnswer(id, owner, new ChatMessageId(UUID.randomUUID()), asked, "Answer " + turn + " " + "a".repeat(250),
                    FakeLlms.MODEL, 10, 10, List.of(), "stop", true, at.plusSeconds(1)));
            if (turns.size() == 40) {
                commands.sendAll(turns);
                turns.clear();
            }
        }
        assertThat(api.get("/api/chat/sessions/" + session, user.accessToken()).body().path("message_count").asInt()).isEqualTo(400);
        String question = "And now? " + UUID.randomUUID();

        try (Connection stream = ask(user, session, question)) {
            assertThat(stream.until("done", "error").getLast().name()).isEqualTo("done");
        }

        List<Turn> history = model.calls(question).getFirst().request().history();
        int characters = history.stream().mapToInt(t -> t.text().length()).sum();
        assertThat(characters).as("CHAT_HISTORY_TOKEN_BUDGET's 4000 tokens, at about 4 characters each").isLessThanOrEqualTo(16_000)
                .isGreaterThan(14_000);
        assertThat(history.size()).isLessThan(400);
        assertThat(history.getFirst().role()).as("history starts with a question").isEqualTo(Turn.Role.USER);
        assertThat(history.getLast().role()).isEqualTo(Turn.Role.ASSISTANT);
        assertThat(history.getLast().text()).as("the newest turns are kept").startsWith("Answer 200 ");
        assertThat(history).noneMatch(t -> t.text().startsWith("Question 1 "));
        List<FakeLlmMessage> sent = FakeLlms.OPENAI.received().stream()
                .filter(r -> r.lastUserMessage().equals(question)).findFirst().orElseThrow()
                .messages().stream().map(m -> new FakeLlmMessage(m.role(), m.content())).toList();
        assertThat(sent).as("sent as real earlier messages").hasSize(history.size() + 2);
        assertThat(sent.get(sent.size() - 2).role()).isEqualTo("assistant");
    }

    private record FakeLlmMessage(String role, String content) {
    }

    @Test
    void aClientThatDisconnectsStopsTheModelAndThePartialAnswerIsKeptIncomplete() {
        String session = session(user, "Leaving", null);
        String question = "Tell me a long story " + UUID.randomUUID();
        List<ScriptedChatModel.Step> steps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            steps.add(new Send("word" + i + " "));
            steps.add(new Wait(Duration.ofMillis(150)));
        }
        model.script(question, new Answer(steps));

        try (Connection stream = ask(user, session, question)) {
            assertThat(stream.next().name()).isEqualTo("content");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (FakeLlms.OPENAI.abandoned().stream().noneMatch(r -> r.lastUserMessage().equals(question))) {
            assertThat(System.nanoTime()).as("the upstream connection is closed").isLessThan(deadline);
            Generations.sleep(Duration.ofMillis(50));
        }
        JsonNode answer = awaitMessages(session, 2).get(1);
        assertThat(answer.path("complete").asBoolean()).isFalse();
        assertThat(answer.path("finish_reason").asText()).isEqualTo("cancelled");
        assertThat(answer.path("content").asText()).startsWith("word0 ").doesNotContain("word29");
        ScriptedChatModel.Call call = model.calls(question).getFirst();
        assertThat(Duration.ofNanos(call.endedNanos() - call.startedNanos())).as("the model call ended early")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSecondMessageWhileTheFirstIsStreamingIsRefused() {
        String session = session(user, "Busy", null);
        String first = "First question " + UUID.randomUUID();
        model.script(first, new Answer(List.of(new Send("Thinking "), new Wait(Duration.ofMillis(800)), new Send("done."))));

        try (Connection stream = ask(user, session, first)) {
            assertThat(stream.next().name()).isEqualTo("content");
            try (Connection second = ask(user, session, "Second question " + UUID.randomUUID())) {
                assertThat(second.status()).isEqualTo(409);
                assertThat(JSON.readTree(second.rest()).path("code").asText()).isEqualTo("CHAT_003");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(stream.until("done", "error").getLast().name()).isEqualTo("done");
        }
        try (Connection third = ask(user, session, "Third question " + UUID.randomUUID())) {
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.until("done", "error").getLast().name()).isEqualTo("done");
        }
        assertThat(awaitMessages(session, 4)).extracting(m -> m.path("role").asText())
                .containsExactly("user", "assistant", "user", "assistant");
    }

    @Test
    void theSixtyFirstMessageInAnHourIs429WithRetryAfter() {
        String session = session(user, "Chatty", null);
        for (int i = 0; i < 60; i++) {
            try (Connection stream = ask(user, session, "Message " + i)) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.until("done", "error").getLast().name()).isEqualTo("done");
            }
        }

        try (Connection refused = ask(user, session, "One more")) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.response().headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 3600L);
            assertThat(JSON.readTree(refused.rest()).path("code").asText()).isEqualTo("RATE_001");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUpstreamFailureMidStreamEndsWithAnErrorEventAndTheIncompleteAnswerIsStored() {
        String session = session(user, "Broken", null);
        String question = "Explain closures " + UUID.randomUUID();
        model.script(question, new Answer(List.of(new Send("A closure captures "), new Wait(Duration.ofMillis(50)),
                new Send("its environment"), new Fail("upstream died"))));

        List<Event> events;
        try (Connection stream = ask(user, session, question)) {
            events = stream.until("done", "error");
        }

        assertThat(events.getLast().name()).isEqualTo("error");
        assertThat(events.getLast().json().path("code").asText()).isEqualTo("GEN_001");
        assertThat(events.getLast().json().path("message").asText()).isNotBlank();
        assertThat(events).noneMatch(e -> e.name().equals("done") || e.name().equals("metadata"));
        String streamed = events.stream().filter(e -> e.name().equals("content")).map(e -> e.json().path("chunk").asText())
                .collect(Collectors.joining());
        assertThat(streamed).isEqualTo("A closure captures its environment");
        JsonNode answer = awaitMessages(session, 2).get(1);
        assertThat(answer.path("complete").asBoolean()).isFalse();
        assertThat(answer.path("finish_reason").asText()).isEqualTo("error");
        assertThat(answer.path("content").asText()).isEqualTo(streamed);

        try (Connection next = ask(user, session, "Try again " + UUID.randomUUID())) {
            assertThat(next.until("done", "error").getLast().name()).as("the session is free again").isEqualTo("done");
        }
    }

    @Test
    void anAnswerBecomesAGenerationJobWhoseCardsLandInTheSessionsDeck() {
        String deck = deck(user, "From chat", null);
        String session = session(user, "Cards", deck);
        String marker = "photosynthesis-" + UUID.randomUUID();
        String question = "What is " + marker + "?";
        model.script(question, new Answer(List.of(new Send("Plants turn light into sugar (" + marker + ")."))));
        String answerId;
        try (Connection stream = ask(user, session, question)) {
            answerId = stream.until("done", "error").getLast().json().path("message_id").asText();
        }
        model.script(marker, Answers.cards(Duration.ZERO, Answers.basic("What do plants make from light?", "Sugar"),
                Answers.basic("What is photosynthesis?", "Turning light into sugar")));

        var accepted = api.post("/api/chat/sessions/" + session + "/messages/" + answerId + "/cards", body("num_cards", 2),
                user.accessToken());

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String job = accepted.text("job_id");
        JsonNode finished = new Generations(api).awaitFinished(user, job);
        assertThat(finished.path("status").asText()).isEqualTo("completed");
        assertThat(finished.path("topic").asText()).isEqualTo("Plants turn light into sugar (" + marker + ").");
        assertThat(finished.path("deck_id").asText()).isEqualTo(deck);
        assertThat(finished.path("cards").findValuesAsText("id")).hasSize(2);

        String questionId = api.get("/api/chat/sessions/" + session, user.accessToken()).body()
                .path("messages").path("items").get(0).path("id").asText();
        var notAnAnswer = api.post("/api/chat/sessions/" + session + "/messages/" + questionId + "/cards", Map.of(),
                user.accessToken());
        assertThat(notAnAnswer.status()).isEqualTo(404);
        assertThat(notAnAnswer.code()).isEqualTo("CHAT_004");
    }

    // --- helpers

    private Connection ask(Session who, String session, String content) {
        try {
            return sse.post("/api/chat/sessions/" + session + "/messages", who.accessToken(),
                    JSON.writeValueAsString(Map.of("content", content)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String session(Session who, String title, String deck) {
        var created = api.post("/api/chat/sessions", deck == null ? body("title", title)
                : body("title", title, "context", body("deck_id", deck)), who.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    /** The session's messages once it has {@code count}: an answer is stored as its stream ends. */
    private List<JsonNode> awaitMessages(String session, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode messages = api.get("/api/chat/sessions/" + session, user.accessToken()).body().path("messages").path("items");
            if (messages.size() >= count || System.nanoTime() > deadline) {
                List<JsonNode> list = new ArrayList<>();
                messages.forEach(list::add);
                assertThat(list).hasSize(count);
                return list;
            }
            Generations.sleep(Duration.ofMillis(50));
        }
    }

    private String deck(Session owner, String name, String parent) {
        var response = api.post("/api/decks", body("name", name, "parent_id", parent), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    @SafeVarargs
    private List<String> cards(Session owner, String deckId, List<String>... frontsAndBacks) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (List<String> card : frontsAndBacks) {
            cards.add(Map.of("fields", Map.of("Front", card.get(0), "Back", card.get(1))));
        }
        var response = api.post("/api/cards/bulk", body("deck_id", deckId, "template_id", BASIC, "cards", cards), owner.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("created").findValuesAsText("id");
    }

    private void awaitIndexCaughtUp() {
        String admin = accounts.admin().accessToken();
        long deadline = System.nanoTime() + 60_000_000_000L;
        ApiClient.Response progress;
        do {
            progress = api.get("/api/rag/index", admin);
            if (progress.body().path("caught_up").asBoolean()) {
                return;
            }
            Generations.sleep(Duration.ofMillis(20));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("search index still behind after 60 s: " + progress.body());
    }

}
