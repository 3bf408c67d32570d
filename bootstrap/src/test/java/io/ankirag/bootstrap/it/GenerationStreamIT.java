package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static io.ankirag.bootstrap.testing.Answers.basic;
import static io.ankirag.bootstrap.testing.Answers.cards;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.it.SseClient.Connection;
import io.ankirag.bootstrap.it.SseClient.Event;
import io.ankirag.bootstrap.testing.Answers;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GenerationStreamIT extends HttpApiTestBase {

    @Autowired
    ScriptedChatModel model;

    Generations generations;
    SseClient sse;
    Session user;
    String deck;

    @BeforeEach
    void aUserWithADeck() {
        generations = new Generations(api);
        sse = new SseClient(port);
        user = accounts.register();
        deck = generations.deck(user, "Streams");
    }

    @Test
    void cardsStreamInOrderEachFollowedByItsResumeTokenThenComplete() {
        String topic = Generations.topic("TCP handshake");
        model.script(topic, cards(Duration.ofMillis(400), fiveCards("TCP")));
        String job = generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck));

        List<Event> events;
        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            events = stream.until("complete", "error");
        }

        assertThat(events.getFirst().name()).isEqualTo("progress");
        assertThat(events.getLast().name()).isEqualTo("complete");
        assertThat(events.getLast().json().path("total_created").asInt()).isEqualTo(5);
        assertThat(events.getLast().json().path("total_failed").asInt()).isZero();
        List<Event> cards = events.stream().filter(event -> event.name().equals("card")).toList();
        assertThat(cards).extracting(event -> event.json().path("sequence").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(cards).extracting(Event::id).containsExactly("1", "2", "3", "4", "5");
        for (Event card : cards) {
            Event next = events.get(events.indexOf(card) + 1);
            assertThat(next.name()).isEqualTo("progress");
            assertThat(next.json().path("current").asInt()).isEqualTo(card.json().path("sequence").asInt());
            assertThat(next.json().path("total").asInt()).isEqualTo(5);
            assertThat(next.json().path("resume_token").asText()).isEqualTo(job + ":" + card.id());
            assertThat(card.json().path("id").asText()).isNotBlank();
            assertThat(card.json().path("fields").path("Front").asText()).startsWith("TCP: ");
            assertThat(card.json().has("fact_check")).isTrue();
        }
        long modelDone = model.calls(topic).getFirst().endedNanos();
        assertThat(cards.getFirst().receivedNanos()).as("the first card streams while the model is still writing")
                .isLessThan(modelDone - Duration.ofMillis(800).toNanos());
    }

    @Test
    void aClientThatReconnectsWithItsResumeTokenGetsEveryLaterCardOnce() {
        String topic = Generations.topic("DNS records");
        model.script(topic, cards(Duration.ofMillis(300), fiveCards("DNS")));
        String job = generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck));

        List<Integer> seen = new ArrayList<>();
        String token = null;
        try (Connection first = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of())) {
            Event event;
            while ((event = first.next()) != null) {
                if (event.name().equals("card")) {
                    seen.add(event.json().path("sequence").asInt());
                }
                if (event.name().equals("progress") && !seen.isEmpty()) {
                    token = event.json().path("resume_token").asText();
                    break; // the connection drops after the first card's progress
                }
            }
        }
        assertThat(token).isEqualTo(job + ":" + seen.getLast());
        Generations.sleep(Duration.ofMillis(400)); // more cards are made while the client is away

        String resumeFrom = token.substring(token.lastIndexOf(':') + 1);
        try (Connection again = sse.open("/api/generate/stream?job_id=" + job + "&resume_from=" + resumeFrom,
                user.accessToken(), Map.of())) {
            for (Event event : again.until("complete", "error")) {
                if (event.name().equals("card")) {
                    seen.add(event.json().path("sequence").asInt());
                }
            }
        }

        assertThat(seen).as("no gap, no repeat").containsExactlyElementsOf(IntStream.rangeClosed(1, 5).boxed().toList());
    }

    @Test
    void lastEventIdAndWholeResumeTokensResumeTooAndAFinishedJobStreamsItsEnd() {
        String topic = Generations.topic("UDP");
        model.script(topic, cards(Duration.ZERO, fiveCards("UDP")));
        String job = generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck));
        generations.awaitFinished(user, job);

        List<Event> byHeader;
        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of("Last-Event-ID", "3"))) {
            byHeader = stream.until("complete", "error");
        }
        List<Event> byToken;
        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job + "&resume_from=" + job + ":4", user.accessToken(),
                Map.of())) {
            byToken = stream.until("complete", "error");
        }

        assertThat(sequences(byHeader)).containsExactly(4, 5);
        assertThat(byHeader.getLast().name()).isEqualTo("complete");
        assertThat(byHeader.getLast().json().path("status").asText()).isEqualTo("completed");
        assertThat(sequences(byToken)).containsExactly(5);
    }

    @Test
    void aFailedJobEndsItsStreamWithAnErrorEvent() {
        String topic = Generations.topic("QUIC");
        model.script(topic, Answers.failure("the model is down"));
        String job = generations.start(user, body("topic", topic, "num_cards", 2, "deck_id", deck));

        List<Event> events;
        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of())) {
            events = stream.until("complete", "error");
        }

        assertThat(events.getLast().name()).isEqualTo("error");
        assertThat(events.getLast().json().path("code").asText()).isEqualTo("GEN_001");
        assertThat(events.getLast().json().path("message").asText()).as("the adapter's reason, with the model's")
                .contains("failed 3 attempt(s)", "HTTP 503", "the model is down");
    }

    @Test
    void heartbeatsKeepAQuietStreamAliveAndACancelEndsIt() {
        String topic = Generations.topic("BGP");
        model.script(topic, cards(Duration.ofSeconds(20), basic("What is BGP?", "The Internet's routing protocol")));
        String job = generations.start(user, body("topic", topic, "num_cards", 1, "deck_id", deck));

        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of())) {
            assertThat(stream.next().name()).isEqualTo("progress");
            Thread.ofVirtual().start(() -> {
                Generations.sleep(Duration.ofMillis(1600));
                api.post("/api/generate/jobs/" + job + "/cancel", Map.of(), user.accessToken());
            });
            List<Event> rest = stream.until("complete", "error");

            assertThat(stream.comments()).as("heartbeats every 500 ms in tests").contains("heartbeat");
            assertThat(rest.getLast().name()).isEqualTo("complete");
            assertThat(rest.getLast().json().path("status").asText()).isEqualTo("cancelled");
            assertThat(rest.getLast().json().path("total_created").asInt()).isZero();
        }
    }

    @Test
    void onlyTheOwnerMayFollowAJob() {
        String job = generations.start(user, body("topic", Generations.topic("ARP"), "num_cards", 1, "deck_id", deck));

        try (Connection stranger = sse.open("/api/generate/stream?job_id=" + job, accounts.register().accessToken(), Map.of());
             Connection anonymous = sse.open("/api/generate/stream?job_id=" + job, null, Map.of());
             Connection unknown = sse.open("/api/generate/stream?job_id=" + UUID.randomUUID(), user.accessToken(), Map.of())) {
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    private static List<Integer> sequences(List<Event> events) {
        return events.stream().filter(event -> event.name().equals("card")).map(event -> event.json().path("sequence").asInt()).toList();
    }

    /** Five cards far enough apart in meaning that none is dropped as a duplicate of another. */
    private static String[] fiveCards(String about) {
        return new String[] {
                basic(about + ": what is a checksum for?", "Detecting corrupted data"),
                basic(about + ": who designed the protocol?", "Engineers funded by DARPA in the 1970s"),
                basic(about + ": which OSI layer is it in?", "The transport layer"),
                basic(about + ": how large may a datagram be?", "Up to 65,535 bytes including headers"),
                basic(about + ": what does a port number identify?", "An application endpoint on a host")};
    }
}
