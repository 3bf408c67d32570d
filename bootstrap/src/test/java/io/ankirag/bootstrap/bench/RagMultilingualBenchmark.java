package io.ankirag.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.port.in.rag.FindDuplicatesQuery;
import io.ankirag.application.port.in.rag.SearchCardsQuery.CardSearch;
import io.ankirag.application.port.in.rag.SearchCardsQuery.SearchMode;
import io.ankirag.application.port.in.rag.SearchCardsQuery.TagMatch;
import io.ankirag.application.port.out.card.CardReadModelPort;
import io.ankirag.application.port.out.deck.DeckReadModelPort;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.rag.CardSearchService;
import io.ankirag.application.rag.DuplicateFinder;
import io.ankirag.application.rag.EmbeddingLanguages;
import io.ankirag.application.rag.ServingEmbedder;
import io.ankirag.application.rag.TextLanguage;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Retrieval and duplicate detection in Russian and in English, on one user's mixed-language deck built from
 * WebNLG texts the project did not write (see {@code src/test/resources/rag-multilingual/README.md}): every card is
 * created through {@code POST /api/cards/bulk}, every query asked through {@code POST /api/rag/search} and every
 * candidate through {@code POST /api/rag/duplicates}, with the configured embedding model. For comparison, the
 * same application services are also asked in process with the language rule switched off (every model trusted in
 * every language): hybrid fusion with equal weights, duplicates on embedding similarity alone. Not a test: its name
 * matches no test pattern; {@code make bench-rag-multilingual} runs it on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class RagMultilingualBenchmark {

    private static final String SET = "/rag-multilingual/webnlg-cards.json";
    private static final int K = 10;
    /** Cards per bulk request: the test profile caps JSON bodies at 64 KB, and Cyrillic takes two bytes a letter. */
    private static final int BULK = 40;
    /** Duplicate candidates per request, for the same reason. */
    private static final int CANDIDATES = 40;
    private static final int QUERIES_PER_LANGUAGE = Integer.getInteger("bench.rag.multilingual.queries", 500);
    private static final double LOWEST_THRESHOLD = 0.30;
    private static final double[] THRESHOLDS = {0.60, 0.70, 0.75, 0.80, 0.85, 0.90};
    private static final long TOKEN_NANOS = 10 * 60 * 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbeddingLanguages TRUST_EVERY_LANGUAGE = new EmbeddingLanguages(Pattern.compile(".*"), 1, 0);
    /** Other settings of the rule, asked in process: weights of the semantic ranking, shares of words in common. */
    private static final double[] OTHER_WEIGHTS = {0.5, 0.75};
    private static final double[] OTHER_OVERLAPS = {0.3, 0.7};
    private static final Pattern NO_MODEL = Pattern.compile("(?!)");

    @LocalServerPort
    int port;

    @Value("${ankirag.admin.email}")
    String adminEmail;

    @Value("${ankirag.admin.password}")
    String adminPassword;

    @Autowired ServingEmbedder embedder;
    @Autowired SearchCardIndexPort index;
    @Autowired CardReadModelPort cards;
    @Autowired DeckReadModelPort decks;

    private final HttpClient http = HttpClient.newHttpClient();

    record Item(String id, String language, String text) {
    }

    record Query(String language, String text, String relevant) {
    }

    /** @param expected the set id of the card the candidate says the same as; {@code null} when none */
    record Candidate(String language, String text, String expected) {
    }

    record Found(Candidate candidate, List<Map.Entry<String, Double>> matches) {
    }

    final class Session {

        private final String email;
        private final String password;
        private String token;
        private long signedInAt;

        Session(String email, String password) {
            this.email = email;
            this.password = password;
        }

        String token() {
            if (token == null || System.nanoTime() - signedInAt > TOKEN_NANOS) {
                token = post("/api/auth/login", Map.of("email", email, "password", password), null).path("access_token").asText();
                signedInAt = System.nanoTime();
            }
            return token;
        }
    }

    @Test
    void measure() throws Exception {
        JsonNode set;
        try (InputStream in = RagMultilingualBenchmark.class.getResourceAsStream(SET)) {
            set = JSON.readTree(in);
        }
        List<String> languages = List.of("ru", "en");
        List<Item> items = new ArrayList<>();
        Map<String, List<Query>> queries = new LinkedHashMap<>();
        Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
        Map<String, long[]> detection = new LinkedHashMap<>(); // texts, detected as the set's language
        for (String language : languages) {
            List<Query> asked = new ArrayList<>();
            List<Candidate> checked = new ArrayList<>();
            long[] detected = new long[2];
            for (JsonNode group : set.path("languages").path(language)) {
                String id = group.path("id").asText();
                boolean held = group.path("held_out").asBoolean();
                List<String> texts = new ArrayList<>();
                group.path("texts").forEach(text -> texts.add(text.asText()));
                for (String text : texts) {
                    detected[0]++;
                    detected[1] += TextLanguage.detect(text).code().equals(language) ? 1 : 0;
                }
                if (!held) {
                    items.add(new Item(id, language, texts.getFirst()));
                }
                for (String paraphrase : held ? texts : texts.subList(1, texts.size())) {
                    if (!held && asked.size() < QUERIES_PER_LANGUAGE) {
                        asked.add(new Query(language, paraphrase, id));
                    }
                    checked.add(new Candidate(language, paraphrase, held ? null : id));
                }
            }
            queries.put(language, asked);
            candidates.put(language, checked);
            detection.put(language, detected);
        }

        Session admin = new Session(adminEmail, adminPassword);
        String email = "rag-multilingual-" + UUID.randomUUID() + "@example.com";
        post("/api/auth/register", Map.of("email", email, "password", "rag-multilingual-password", "display_name", "RAG"), null);
        Session user = new Session(email, "rag-multilingual-password");
        UserId userId = new UserId(UUID.fromString(get("/api/users/me", user.token()).path("id").asText()));
        String deck = post("/api/decks", Map.of("name", "Mixed languages"), user.token()).path("id").asText();
        Map<String, String> itemByCard = new LinkedHashMap<>();
        String basic = TemplateId.ofSystem("Basic").toString();
        // Russian and English cards interleaved, in one deck.
        List<Item> mixed = new ArrayList<>();
        List<Item> ru = items.stream().filter(i -> i.language().equals("ru")).toList();
        List<Item> en = items.stream().filter(i -> i.language().equals("en")).toList();
        for (int i = 0; i < Math.max(ru.size(), en.size()); i++) {
            if (i < ru.size()) {
                mixed.add(ru.get(i));
            }
            if (i < en.size()) {
                mixed.add(en.get(i));
            }
        }
        for (int from = 0; from < mixed.size(); from += BULK) {
            List<Item> bulk = mixed.subList(from, Math.min(mixed.size(), from + BULK));
            JsonNode created = post("/api/cards/bulk", Map.of("deck_id", deck, "template_id", basic, "cards",
                    bulk.stream().map(item -> Map.of("fields", Map.of("Front", item.text()))).toList()), user.token());
            if (created.path("total_failed").asInt() != 0 || created.path("created").size() != bulk.size()) {
                throw new IllegalStateException("bulk create failed: " + created);
            }
            for (int i = 0; i < bulk.size(); i++) {
                itemByCard.put(created.path("created").get(i).path("id").asText(), bulk.get(i).id());
            }
        }
        long start = System.nanoTime();
        String model = awaitIndexCaughtUp(admin);
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        JsonNode status = get("/api/rag/status", user.token());

        CardSearchService equalWeights = new CardSearchService(embedder, index, cards, decks, Runnable::run, TRUST_EVERY_LANGUAGE);
        DuplicateFinder embeddingAlone = new DuplicateFinder(embedder, index, cards, TRUST_EVERY_LANGUAGE);

        List<String> retrievalRows = new ArrayList<>();
        List<String> duplicateRows = new ArrayList<>();
        for (String language : languages) {
            List<Query> asked = queries.get(language);
            Map<String, Function<Query, List<String>>> modes = new LinkedHashMap<>();
            modes.put("semantic", q -> httpSearch(user, q, "semantic", -1.0, itemByCard));
            modes.put("lexical", q -> httpSearch(user, q, "lexical", null, itemByCard));
            modes.put("hybrid (the default)", q -> httpSearch(user, q, "hybrid", -1.0, itemByCard));
            modes.put("hybrid, default threshold 0.70", q -> httpSearch(user, q, "hybrid", null, itemByCard));
            modes.put("hybrid, equal weights (rule off, in process)", q -> equalWeights.search(userId,
                            new CardSearch(q.text(), SearchMode.HYBRID, K, -1, null, null, null, TagMatch.ANY, false)).stream()
                    .map(hit -> itemByCard.get(hit.cardId().toString())).toList());
            for (double weight : OTHER_WEIGHTS) {
                CardSearchService weighted = new CardSearchService(embedder, index, cards, decks, Runnable::run,
                        new EmbeddingLanguages(NO_MODEL, weight, EmbeddingLanguages.DEFAULT_DUPLICATE_MIN_WORD_OVERLAP));
                modes.put(String.format(Locale.ROOT, "hybrid, semantic weight %.2f (in process)", weight), q -> weighted.search(userId,
                                new CardSearch(q.text(), SearchMode.HYBRID, K, -1, null, null, null, TagMatch.ANY, false)).stream()
                        .map(hit -> itemByCard.get(hit.cardId().toString())).toList());
            }
            for (var mode : modes.entrySet()) {
                double[] scores = retrieval(asked, mode.getValue());
                retrievalRows.add(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f |", language, mode.getKey(), asked.size(),
                        scores[0], scores[1]));
            }
            List<Candidate> checked = candidates.get(language);
            long positives = checked.stream().filter(c -> c.expected() != null).count();
            List<Found> withRule = httpDuplicates(user, checked, itemByCard);
            List<Found> alone = inProcessDuplicates(embeddingAlone, userId, checked, itemByCard);
            for (double threshold : THRESHOLDS) {
                duplicateRows.add(duplicateRow(language, "configured rule", withRule, threshold, positives));
            }
            for (double threshold : THRESHOLDS) {
                duplicateRows.add(duplicateRow(language, "embedding alone (in process)", alone, threshold, positives));
            }
            if (!language.equals("en")) {
                for (double overlap : OTHER_OVERLAPS) {
                    DuplicateFinder finder = new DuplicateFinder(embedder, index, cards, new EmbeddingLanguages(NO_MODEL,
                            EmbeddingLanguages.DEFAULT_SEMANTIC_WEIGHT_OUTSIDE_MODEL_LANGUAGE, overlap));
                    List<Found> other = inProcessDuplicates(finder, userId, checked, itemByCard);
                    for (double threshold : THRESHOLDS) {
                        duplicateRows.add(duplicateRow(language, String.format(Locale.ROOT, "words in common %.1f (in process)",
                                overlap), other, threshold, positives));
                    }
                }
            }
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "=== AnkiRAG multilingual RAG benchmark: %s, %d cards (%d ru, %d en, one deck; indexed in %.1f s), %d cores ===%n%n",
                model, items.size(), ru.size(), en.size(), indexSeconds, Runtime.getRuntime().availableProcessors());
        System.out.println("GET /api/rag/status: " + status);
        detection.forEach((language, counts) -> System.out.printf(Locale.ROOT,
                "language detection on the %s set's texts: %d of %d (%.3f)%n", language, counts[1], counts[0],
                (double) counts[1] / counts[0]));
        System.out.printf(Locale.ROOT, "%nRetrieval: recall@%d and MRR@%d, paraphrase queries (another person's wording of a card's facts)%n%n", K, K);
        System.out.println("| language | mode | queries | recall@10 | MRR |");
        System.out.println("|---|---|---|---|---|");
        retrievalRows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nDuplicates: every paraphrase as a candidate {\"Front\": text}; those of held-out items duplicate no card%n%n");
        System.out.println("| language | rule | threshold | pairs found | precision | recall | F1 | candidates without a duplicate flagged |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        duplicateRows.forEach(System.out::println);
        System.out.println();
    }

    private static List<Found> inProcessDuplicates(DuplicateFinder finder, UserId userId, List<Candidate> checked,
                                                   Map<String, String> itemByCard) {
        List<Found> found = new ArrayList<>();
        for (int from = 0; from < checked.size(); from += CANDIDATES) {
            List<Candidate> batch = checked.subList(from, Math.min(checked.size(), from + CANDIDATES));
            List<FindDuplicatesQuery.CandidateMatch> matches = finder.matchCandidates(userId,
                    batch.stream().map(c -> Map.of("Front", c.text())).toList(), LOWEST_THRESHOLD);
            for (int i = 0; i < batch.size(); i++) {
                found.add(new Found(batch.get(i), matches.get(i).duplicates().stream()
                        .map(d -> Map.entry(itemByCard.get(d.similarTo().toString()), d.similarity())).toList()));
            }
        }
        return found;
    }

    private List<String> httpSearch(Session user, Query query, String mode, Double threshold, Map<String, String> itemByCard) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query.text());
        request.put("mode", mode);
        request.put("top_k", K);
        request.put("include_sources", false);
        if (threshold != null) {
            request.put("threshold", threshold);
        }
        List<String> found = new ArrayList<>();
        post("/api/rag/search", request, user.token()).path("results")
                .forEach(result -> found.add(itemByCard.get(result.path("card_id").asText())));
        return found;
    }

    /** @return recall@K and MRR@K; each query has exactly one relevant card */
    private static double[] retrieval(List<Query> queries, Function<Query, List<String>> search) {
        double[] sums = new double[2];
        for (Query query : queries) {
            List<String> found = search.apply(query);
            int rank = found.indexOf(query.relevant());
            if (rank >= 0 && rank < K) {
                sums[0]++;
                sums[1] += 1.0 / (rank + 1);
            }
        }
        sums[0] /= queries.size();
        sums[1] /= queries.size();
        return sums;
    }

    private List<Found> httpDuplicates(Session user, List<Candidate> candidates, Map<String, String> itemByCard) {
        List<Found> found = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += CANDIDATES) {
            List<Candidate> batch = candidates.subList(from, Math.min(candidates.size(), from + CANDIDATES));
            JsonNode answer = post("/api/rag/duplicates", Map.of("threshold", LOWEST_THRESHOLD,
                    "candidates", batch.stream().map(c -> Map.of("Front", c.text())).toList()), user.token());
            List<List<Map.Entry<String, Double>>> matches = new ArrayList<>();
            batch.forEach(c -> matches.add(new ArrayList<>()));
            for (JsonNode duplicate : answer.path("duplicates")) {
                matches.get(duplicate.path("candidate_index").asInt()).add(
                        Map.entry(itemByCard.get(duplicate.path("similar_to").asText()), duplicate.path("similarity").asDouble()));
            }
            for (int i = 0; i < batch.size(); i++) {
                found.add(new Found(batch.get(i), matches.get(i)));
            }
        }
        return found;
    }

    /** A row: precision, recall, F1 and share of candidates without a duplicate that were flagged, at a threshold. */
    private static String duplicateRow(String language, String rule, List<Found> found, double threshold, long positives) {
        long pairs = 0;
        long right = 0;
        long negatives = 0;
        long falseAlarms = 0;
        for (Found f : found) {
            List<Map.Entry<String, Double>> kept = f.matches().stream().filter(m -> m.getValue() >= threshold).toList();
            pairs += kept.size();
            right += kept.stream().filter(m -> m.getKey().equals(f.candidate().expected())).count();
            if (f.candidate().expected() == null) {
                negatives++;
                falseAlarms += kept.isEmpty() ? 0 : 1;
            }
        }
        double precision = pairs == 0 ? 1 : (double) right / pairs;
        double recall = (double) right / positives;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        String marker = Math.abs(threshold - FindDuplicatesQuery.DEFAULT_THRESHOLD) < 1e-9 ? " (default)" : "";
        return String.format(Locale.ROOT, "| %s | %s | %.2f%s | %d | %.3f | %.3f | %.3f | %.3f |", language, rule, threshold, marker,
                pairs, precision, recall, f1, negatives == 0 ? 0 : (double) falseAlarms / negatives);
    }

    private String awaitIndexCaughtUp(Session admin) throws InterruptedException {
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode progress = get("/api/rag/index", admin.token());
            if (progress.path("caught_up").asBoolean()) {
                return progress.path("model").asText();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("search index still behind after 30 minutes");
    }

    private JsonNode post(String path, Object body, String token) {
        try {
            return send(request(path, token).POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path, String token) {
        return send(request(path, token).GET());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.uri() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
