package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** What the generation tests do over HTTP again and again. */
final class Generations {

    private final ApiClient api;

    Generations(ApiClient api) {
        this.api = api;
    }

    /** A topic no other test uses: the scripted model answers by it. */
    static String topic(String about) {
        return about + " " + UUID.randomUUID();
    }

    String deck(Session user, String name) {
        var deck = api.post("/api/decks", body("name", name), user.accessToken());
        assertThat(deck.status()).as(deck.body().toString()).isEqualTo(201);
        return deck.text("id");
    }

    ApiClient.Response generate(Session user, Map<String, Object> request) {
        return api.post("/api/generate", request, user.accessToken());
    }

    String start(Session user, Map<String, Object> request) {
        var accepted = generate(user, request);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.text("job_id");
    }

    JsonNode job(Session user, String job) {
        var found = api.get("/api/generate/jobs/" + job, user.accessToken());
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        return found.body();
    }

    JsonNode awaitFinished(Session user, String job) {
        return await(user, job, body -> Set.of("completed", "failed", "cancelled").contains(body.path("status").asText()),
                Duration.ofSeconds(30));
    }

    JsonNode await(Session user, String job, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode body;
        while (!condition.test(body = job(user, job))) {
            assertThat(System.nanoTime()).as("job %s within %s: %s", job, timeout, body).isLessThan(deadline);
            sleep(Duration.ofMillis(50));
        }
        return body;
    }

    List<JsonNode> cardsIn(Session user, String deck) {
        var cards = api.get("/api/cards?deck_id=" + deck + "&limit=100", user.accessToken());
        assertThat(cards.status()).as(cards.body().toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        cards.body().path("items").forEach(items::add);
        return items;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
