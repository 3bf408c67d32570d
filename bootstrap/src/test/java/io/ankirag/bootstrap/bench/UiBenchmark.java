package io.ankirag.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.in.auth.RegisterUserUseCase;
import io.ankirag.application.port.in.auth.RegisterUserUseCase.RegisterUser;
import io.ankirag.application.port.in.card.ManageCardsUseCase;
import io.ankirag.application.port.in.card.ManageCardsUseCase.CardContent;
import io.ankirag.application.port.in.deck.ManageDecksUseCase;
import io.ankirag.application.port.in.deck.ManageDecksUseCase.NewDeck;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web UI under load: {@code web-ui/bench/ui-bench.mjs} in headless Chromium against this application with
 * {@code bench.ui.cards} cards (10,000 by default) in one account. Not a test: its name matches no test pattern;
 * {@code make bench-ui} runs it on the benchmark database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class UiBenchmark {

    private static final int TOTAL_CARDS = Integer.getInteger("bench.ui.cards", 10_000);
    private static final TemplateId BASIC = TemplateId.ofSystem("Basic");
    private static final String PASSWORD = "bench-password";

    @LocalServerPort int port;
    @Autowired RegisterUserUseCase register;
    @Autowired ManageDecksUseCase decks;
    @Autowired ManageCardsUseCase cards;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void measure() throws Exception {
        // The search index would embed every card on the same two cores while the browser is measured.
        processing.eventProcessor("embeddings", StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::shutDown);
        String email = "bench-ui-" + UUID.randomUUID() + "@example.com";
        UserId owner = register.register(new RegisterUser(email, PASSWORD, "Bench")).user().id();
        List<DeckId> deckIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deckIds.add(decks.createDeck(owner, new NewDeck("Deck " + i, null, null)).id());
        }
        for (int created = 0; created < TOTAL_CARDS; created += ManageCardsUseCase.MAX_BULK) {
            List<CardContent> bulk = new ArrayList<>();
            for (int i = created; i < Math.min(TOTAL_CARDS, created + ManageCardsUseCase.MAX_BULK); i++) {
                bulk.add(new CardContent(Map.of("Front", "Question " + i + ": what does <b>term " + i + "</b> mean?",
                        "Back", "Answer " + i + ", with a sentence long enough to be realistic on a card."), List.of("bench", "t" + i % 20)));
            }
            cards.createCards(owner, deckIds.get(created / ManageCardsUseCase.MAX_BULK % deckIds.size()), BASIC, bulk);
        }

        ProcessBuilder bench = new ProcessBuilder("node", "bench/ui-bench.mjs")
                .directory(Path.of(System.getProperty("webui.dir", "../web-ui")).toFile())
                .redirectErrorStream(true);
        bench.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + port, "BENCH_EMAIL", email,
                "BENCH_PASSWORD", PASSWORD, "BENCH_CARDS", String.valueOf(TOTAL_CARDS)));
        Process process = bench.start();
        // Copied line by line: a forked test JVM must not hand its own stdout to a child (failsafe reads it).
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(System.out::println);
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the browser benchmark finished").isTrue();
        assertThat(process.exitValue()).as("the browser benchmark ran to the end").isZero();
    }
}
