package io.ankirag.bootstrap.bench;

import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.card.CardFilter;
import io.ankirag.application.port.in.card.CardFilter.CardSort;
import io.ankirag.application.port.in.card.CardQuery;
import io.ankirag.application.port.in.card.CardSlice;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.card.ManageCardsUseCase.CardContent;
import io.ankirag.application.port.in.card.ManageCardsUseCase.NewCard;
import io.ankirag.application.port.in.deck.DeckView;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The event-sourced core under load, on the real event store and read models: card-create commands per second
 * through the application layer, projection catch-up when replaying every event, and card-list latency at
 * 100k cards. Not a test: its name matches no test pattern; {@code make bench} runs it on its own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class CoreBenchmark {

    private static final int TOTAL_CARDS = Integer.getInteger("bench.cards", 100_000);
    private static final int BULK = ManageCardsUseCase.MAX_BULK;
    private static final int SINGLE_COMMANDS = 1_000;
    private static final int LIST_SAMPLES = 300;
    private static final TemplateId BASIC = TemplateId.ofSystem("Basic");
    private static final String[] TAGS = {"python", "go", "rust", "history", "biology", "russian", "math", "music"};

    @Autowired RegisterUserUseCase register;
    @Autowired ManageDecksUseCase decks;
    @Autowired ManageCardsUseCase cards;
    @Autowired CardQuery cardQuery;
    @Autowired EventProcessingConfiguration processing;
    @Autowired JdbcTemplate jdbc;

    @Test
    void measure() throws InterruptedException {
        // The search index embeds every card with an ONNX model; it has a benchmark of its own. Stopped here so
        // that it neither competes for the two cores nor joins the replay being measured.
        processing.eventProcessor("embeddings", StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::shutDown);
        UserId owner = register.register(new RegisterUser("bench-" + UUID.randomUUID() + "@example.com", "bench-password", "Bench"))
                .user().id();
        DeckView root = decks.createDeck(owner, new NewDeck("Bench", null, null));
        List<DeckId> deckIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deckIds.add(decks.createDeck(owner, new NewDeck("Deck " + i, null, i < 10 ? root.id() : null)).id());
        }

        // 1. Single commands: one command, one read-your-writes wait, one read, as an HTTP request does it.
        long start = System.nanoTime();
        for (int i = 0; i < SINGLE_COMMANDS; i++) {
            cards.createCard(owner, new NewCard(deckIds.get(i % deckIds.size()), BASIC, fields(i), tags(i)));
        }
        double singleRate = SINGLE_COMMANDS / seconds(start);

        // 2. Bulk: commands back to back, one wait per bulk of 500.
        start = System.nanoTime();
        int created = SINGLE_COMMANDS;
        while (created < TOTAL_CARDS) {
            int size = Math.min(BULK, TOTAL_CARDS - created);
            List<CardContent> contents = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                contents.add(new CardContent(fields(created + i), tags(created + i)));
            }
            var result = cards.createCards(owner, deckIds.get((created / BULK) % deckIds.size()), BASIC, contents);
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException("bulk create failed: " + result.failed().getFirst());
            }
            created += size;
        }
        double bulkRate = (TOTAL_CARDS - SINGLE_COMMANDS) / seconds(start);
        jdbc.execute("VACUUM ANALYZE cards");

        // 3. Card list latency at TOTAL_CARDS cards.
        Map<String, Supplier<CardSlice>> queries = new java.util.LinkedHashMap<>();
        queries.put("newest 50", () -> cardQuery.cards(owner, filter(null, false, null, null, null), null, 50));
        queries.put("deck 50", () -> cardQuery.cards(owner, filter(deckIds.get(3), false, null, null, null), null, 50));
        queries.put("deck+subdecks 50", () -> cardQuery.cards(owner, filter(root.id(), true, null, null, null), null, 50));
        queries.put("status draft 50", () -> cardQuery.cards(owner, filter(null, false, CardStatus.DRAFT, null, null), null, 50));
        queries.put("tag 50", () -> cardQuery.cards(owner, filter(null, false, null, "rust", null), null, 50));
        queries.put("text 50", () -> cardQuery.cards(owner, filter(null, false, null, null, "question 4242"), null, 50));
        String cursor = cardQuery.cards(owner, filter(null, false, null, null, null), null, 50).nextCursor();
        queries.put("page 2 by cursor", () -> cardQuery.cards(owner, filter(null, false, null, null, null), cursor, 50));
        List<String> listLines = new ArrayList<>();
        double worstP95 = 0;
        for (var query : queries.entrySet()) {
            for (int i = 0; i < 30; i++) {
                query.getValue().get(); // warm-up
            }
            double[] millis = new double[LIST_SAMPLES];
            for (int i = 0; i < LIST_SAMPLES; i++) {
                long t = System.nanoTime();
                query.getValue().get();
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(millis);
            double p50 = millis[LIST_SAMPLES / 2];
            double p95 = millis[(int) (LIST_SAMPLES * 0.95)];
            worstP95 = Math.max(worstP95, p95);
            listLines.add(String.format(Locale.ROOT, "  %-18s p50 %6.2f ms   p95 %6.2f ms", query.getKey(), p50, p95));
        }

        // 4. Replay: every event of the store through the core projections (decks, cards, counts) again.
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        StreamingEventProcessor library = processing.eventProcessor("library", StreamingEventProcessor.class).orElseThrow();
        start = System.nanoTime();
        library.shutDown();
        library.resetTokens();
        library.start();
        while (library.processingStatus().values().stream().noneMatch(EventTrackerStatus::isReplaying)) {
            Thread.sleep(5);
        }
        while (library.processingStatus().values().stream().anyMatch(status ->
                status.isReplaying() && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(-1))) {
            Thread.sleep(20);
        }
        double replaySeconds = seconds(start);

        System.out.println();
        System.out.println("=== AnkiRAG core benchmark (" + TOTAL_CARDS + " cards, " + Runtime.getRuntime().availableProcessors() + " cores) ===");
        System.out.printf(Locale.ROOT, "card-create, one command per call (with read-your-writes):  %8.0f commands/s (%d commands)%n", singleRate, SINGLE_COMMANDS);
        System.out.printf(Locale.ROOT, "card-create, bulk of %d (one wait per bulk):               %8.0f commands/s (%d commands)%n", BULK, bulkRate, TOTAL_CARDS - SINGLE_COMMANDS);
        System.out.printf(Locale.ROOT, "replay of all %d events through decks+cards projection:   %8.0f events/s (%.1f s)%n", events, events / replaySeconds, replaySeconds);
        System.out.println("card list at " + TOTAL_CARDS + " cards (" + LIST_SAMPLES + " samples each):");
        listLines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "worst p95: %.2f ms%n%n", worstP95);
    }

    private static CardFilter filter(DeckId deck, boolean subdecks, CardStatus status, String tag, String text) {
        return new CardFilter(deck, subdecks, status, tag, text, CardSort.NEWEST);
    }

    private static Map<String, String> fields(int i) {
        return Map.of("Front", "Question " + i + ": what is concept " + (i * 7919 % 100_003) + "?",
                "Back", "Answer " + i + " with <b>some</b> explanation about topic " + (i % 977));
    }

    private static List<String> tags(int i) {
        return List.of(TAGS[i % TAGS.length], TAGS[(i / 8) % TAGS.length]);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
