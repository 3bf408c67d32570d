package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.bootstrap.it.SseClient.Connection;
import io.ankirag.bootstrap.it.SseClient.Event;
import io.ankirag.bootstrap.testing.Answers;
import io.ankirag.bootstrap.testing.GenerationTestPorts;
import io.ankirag.bootstrap.testing.ScriptedChatModel;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Answer;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Send;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Step;
import io.ankirag.bootstrap.testing.ScriptedChatModel.Wait;
import io.ankirag.bootstrap.testing.ScriptedFactChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The generation pipeline's own cost, measured over HTTP and SSE as a client sees it, with a model that answers
 * after a fixed delay ({@value #FIRST_TOKEN_MS} ms to its first token, then one card every {@value #PER_CARD_MS}
 * ms) and a fact-checker that takes {@value #FACT_CHECK_MS} ms a claim. For each job: total time from the POST to
 * the {@code complete} event; model time, the time any model call of the job was in progress (calls overlap, so
 * their union); overhead, the difference; and when the first {@code card} event arrived, after the POST and after
 * the model had written that card. Not a test: its name matches no test pattern; {@code make bench-generation}
 * runs it on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Benchmark cards are synthetic and alike; only a true repeat should be dropped. The check still runs.
        "ankirag.generation.duplicate-threshold=0.995",
        "ankirag.generation.stream.heartbeat=15s",
        "ankirag.rate-limit.generation=1000/hour"})
@ActiveProfiles("test")
@Import({FreshDatabase.class, GenerationTestPorts.class})
class GenerationBenchmark {

    static final long FIRST_TOKEN_MS = 500;
    static final long PER_CARD_MS = 200;
    static final long FACT_CHECK_MS = 300;
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final String[] WORDS = {"amber", "basalt", "cedar", "delta", "ember", "fjord", "garnet", "harbor", "iris",
            "jasper", "kelp", "lagoon", "mesa", "nectar", "onyx", "prairie", "quartz", "reef", "sierra", "tundra",
            "umber", "valley", "willow", "xenon", "yarrow", "zephyr"};

    /**
     * @param startMs from the POST to the model call (claim, context, prompt)
     * @param endMs   from the last model call's end to the {@code complete} event
     */
    record Run(int cards, boolean factCheck, long totalMs, long modelMs, long firstCardAfterPostMs, long firstCardAfterModelMs,
               long startMs, long endMs) {

        long overheadMs() {
            return totalMs - modelMs;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ScriptedChatModel model;
    @Autowired
    ScriptedFactChecker factChecker;

    @Test
    void measure() {
        ApiClient api = new ApiClient(port);
        Session user = new Accounts(api).register();
        String deck = new Generations(api).deck(user, "Bench");
        SseClient sse = new SseClient(port);
        factChecker.delay(Duration.ofMillis(FACT_CHECK_MS));

        run(api, sse, user, deck, 10, false); // warm-up: JIT, connection pools, embedding model
        run(api, sse, user, deck, 10, true);
        List<String> lines = new ArrayList<>();
        for (int cards : new int[] {10, 50}) {
            for (boolean factCheck : new boolean[] {false, true}) {
                List<Run> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    runs.add(run(api, sse, user, deck, cards, factCheck));
                }
                runs.sort(Comparator.comparingLong(Run::overheadMs));
                Run median = runs.get(runs.size() / 2);
                lines.add(String.format(Locale.ROOT, "%5d  %-10s  %8d  %8d  %8d  %7.1f%%  %8d  %6d  %13d  %14d",
                        cards, factCheck ? "on" : "off", median.modelMs(), median.totalMs(), median.overheadMs(),
                        100.0 * median.overheadMs() / median.modelMs(), median.startMs(), median.endMs(),
                        median.firstCardAfterPostMs(), median.firstCardAfterModelMs()));
            }
        }
        System.out.println();
        System.out.println("=== AnkiRAG generation benchmark (" + Runtime.getRuntime().availableProcessors() + " cores; model: "
                + FIRST_TOKEN_MS + " ms to first token, " + PER_CARD_MS + " ms a card; fact-check " + FACT_CHECK_MS
                + " ms a claim; median of " + RUNS + " runs) ===");
        System.out.println("cards  fact-check  model ms  total ms  overhead  overhead  start ms  end ms  first card ms  after model ms");
        lines.forEach(System.out::println);
        System.out.println();
    }

    private Run run(ApiClient api, SseClient sse, Session user, String deck, int cards, boolean factCheck) {
        String topic = "bench " + UUID.randomUUID();
        model.script(topic, answer(topic, cards));
        long posted = System.nanoTime();
        var accepted = api.post("/api/generate", body("topic", topic, "num_cards", cards, "deck_id", deck, "fact_check", factCheck),
                user.accessToken());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String job = accepted.text("job_id");
        long firstCard = 0;
        Event last;
        try (Connection stream = sse.open("/api/generate/stream?job_id=" + job, user.accessToken(), Map.of())) {
            Event event;
            last = null;
            while ((event = stream.next()) != null) {
                last = event;
                if (event.name().equals("card") && firstCard == 0) {
                    firstCard = event.receivedNanos();
                }
                if (event.name().equals("complete") || event.name().equals("error")) {
                    break;
                }
            }
        }
        long done = System.nanoTime();
        assertThat(last).isNotNull();
        assertThat(last.name()).as(last.data()).isEqualTo("complete");
        assertThat(last.json().path("total_created").asInt()).as(last.data()).isEqualTo(cards);
        List<long[]> busy = new ArrayList<>();
        ScriptedChatModel.Call call = model.calls(topic).getFirst();
        busy.add(new long[] {call.startedNanos(), call.endedNanos()});
        factChecker.checks(topic).forEach(check -> busy.add(new long[] {check.startedNanos(), check.endedNanos()}));
        long modelWroteFirstCard = call.sentNanos().get(1); // after the opening "{"cards": ["
        long modelDone = busy.stream().mapToLong(interval -> interval[1]).max().orElseThrow();
        return new Run(cards, factCheck, millis(done - posted), millis(union(busy)), millis(firstCard - posted),
                millis(firstCard - modelWroteFirstCard), millis(call.startedNanos() - posted), millis(done - modelDone));
    }

    /** The model's answer: its first token after a fixed delay, then one card every {@value #PER_CARD_MS} ms. */
    private static Answer answer(String topic, int cards) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Wait(Duration.ofMillis(FIRST_TOKEN_MS)));
        steps.add(new Send("{\"cards\": ["));
        for (int i = 0; i < cards; i++) {
            steps.add(new Wait(Duration.ofMillis(PER_CARD_MS)));
            String words = WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length] + " " + WORDS[(i * 11 + 5) % WORDS.length];
            steps.add(new Send((i == 0 ? "" : ",") + Answers.basic("Card " + i + " of " + topic + ": what links " + words + "?",
                    "Answer " + i + ": " + UUID.randomUUID())));
        }
        steps.add(new Send("]}"));
        return new Answer(steps);
    }

    private static long union(List<long[]> intervals) {
        intervals.sort(Comparator.comparingLong(interval -> interval[0]));
        long total = 0;
        long start = -1;
        long end = -1;
        for (long[] interval : intervals) {
            if (start < 0 || interval[0] > end) {
                total += end - start;
                start = interval[0];
                end = interval[1];
            } else {
                end = Math.max(end, interval[1]);
            }
        }
        return total + (end - start);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
