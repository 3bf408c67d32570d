package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static io.ankirag.bootstrap.testing.Answers.basic;
import static io.ankirag.bootstrap.testing.Answers.cards;
import static io.ankirag.bootstrap.testing.Answers.cardsThenCrash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Call;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job whose worker dies mid-way is resumed, not lost: the dying run releases nothing (its thread ends with an
 * {@link Error}, as in a killed process), its lease lapses (3 s in tests), a worker claims the job again and asks
 * the model only for the cards still missing, numbering them on from where the first run stopped.
 */
@IntegrationTest
class GenerationResumeIT extends HttpApiTestBase {

    @Autowired
    ScriptedChatModel model;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJobWhoseWorkerDiesIsResumedWhereItStopped() {
        Generations generations = new Generations(api);
        Session user = accounts.register();
        String deck = generations.deck(user, "Resumed");
        String topic = Generations.topic("Raft consensus");
        model.script(topic,
                cardsThenCrash(Duration.ZERO, Duration.ofMillis(500),
                        basic("What does Raft elect?", "A leader per term"),
                        basic("What is a Raft term?", "A logical clock period with at most one leader")),
                cards(Duration.ZERO,
                        basic("When is a Raft entry committed?", "Once a majority has stored it"),
                        basic("What does a follower do on timeout?", "Becomes a candidate and starts an election"),
                        basic("What is log matching?", "Same index and term imply identical prior entries")));

        String job = generations.start(user, body("topic", topic, "num_cards", 5, "deck_id", deck));
        JsonNode done = generations.awaitFinished(user, job);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("cards")).extracting(card -> card.path("sequence").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(done.path("cards")).extracting(card -> card.path("fields").path("Front").asText()).containsExactly(
                "What does Raft elect?", "What is a Raft term?", "When is a Raft entry committed?",
                "What does a follower do on timeout?", "What is log matching?");
        assertThat(generations.cardsIn(user, deck)).hasSize(5);
        List<Call> calls = model.calls(topic);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).request().userPrompt())
                .as("the second run asks only for what is missing, showing what exists")
                .contains("Create 3 flashcards")
                .contains("What does Raft elect?");
        assertThat(jdbc.queryForObject("SELECT runs FROM generation_jobs WHERE id = ?::uuid", Integer.class, UUID.fromString(job)))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM generation_job_leases WHERE job_id = ?::uuid", Long.class,
                UUID.fromString(job))).as("the finished job's lease is given back").isZero();
    }
}
