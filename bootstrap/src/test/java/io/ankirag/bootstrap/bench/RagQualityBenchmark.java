package io.ankirag.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.port.in.rag.SearchCardsQuery;
import io.ankirag.bootstrap.it.FreshDatabase;
import io.ankirag.domain.template.TemplateId;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Retrieval and duplicate-detection quality of the search index, measured over HTTP on a labelled set of science
 * cards the project did not write (see {@code src/test/resources/rag-quality/README.md}). One user gets the set's
 * cards through {@code POST /api/cards/bulk}; once the index has caught up, every query goes through
 * {@code POST /api/rag/search} and every candidate through {@code POST /api/rag/duplicates}, with whatever
 * embedding model the application is configured with ({@code EMBEDDING_*}). Not a test: its name matches no test
 * pattern; {@code make bench-rag-quality} runs it on a database of its own and prints markdown tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FreshDatabase.class)
class RagQualityBenchmark {

    private static final String SET = "/rag-quality/science-cards.json";
    private static final int K = 10;
    /** Cards per bulk request: the test profile caps JSON bodies at 64 KB. */
    private static final int BULK = 200;
    private static final double LOWEST_THRESHOLD = 0.30;
    private static final double[] THRESHOLDS = {0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};
    /** Fact queries asked, of the 2000 the set makes: they mostly repeat the card's words, so fewer tell enough. */
    private static final int FACT_QUERIES = 500;
    /** Access tokens live 15 minutes; a run on a busy machine takes longer, so sessions sign in again before then. */
    private static final long TOKEN_NANOS = 10 * 60 * 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SEARCH_DEFAULT_THRESHOLD = SearchCardsQuery.DEFAULT_THRESHOLD;

    @LocalServerPort
    int port;

    @Value("${ankirag.admin.email}")
    String adminEmail;

    @Value("${ankirag.admin.password}")
    String adminPassword;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A card of the set, known by the set's id. */
    record Item(String id, String front, String back) {
    }

    /** @param relevant the set id of the one card that answers the query */
    record Query(String text, String relevant) {
    }

    /** @param expected the set id of the card the candidate duplicates; {@code null} when it duplicates none */
    record Candidate(String text, String expected) {
    }

    /** What a duplicate check answered for one candidate: set ids of the cards found, with their similarity. */
    record Found(Candidate candidate, List<Map.Entry<String, Double>> matches) {
    }

    /** An account that signs in again when its access token is about to expire. */
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
        try (InputStream in = RagQualityBenchmark.class.getResourceAsStream(SET)) {
            set = JSON.readTree(in);
        }
        List<Item> items = new ArrayList<>();
        List<Query> paraphraseQueries = new ArrayList<>();
        List<Query> factQueries = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode group : set.path("paraphrase_groups")) {
            String id = group.path("id").asText();
            boolean held = group.path("held_out").asBoolean();
            if (!held) {
                items.add(new Item(id, group.path("question").asText(), group.path("sentence").asText()));
            }
            for (JsonNode paraphrase : group.path("paraphrases")) {
                if (!held) {
                    paraphraseQueries.add(new Query(paraphrase.asText(), id));
                }
                candidates.add(new Candidate(paraphrase.asText(), held ? null : id));
            }
        }
        for (JsonNode fact : set.path("facts")) {
            String id = fact.path("id").asText();
            boolean held = fact.path("held_out").asBoolean();
            if (!held) {
                items.add(new Item(id, fact.path("question").asText(), fact.path("answer").asText()));
                if (factQueries.size() < FACT_QUERIES) {
                    factQueries.add(new Query(fact.path("fact").asText(), id));
                }
            }
            candidates.add(new Candidate(fact.path("fact").asText(), held ? null : id));
        }

        Session admin = new Session(adminEmail, adminPassword);
        String email = "rag-quality-" + UUID.randomUUID() + "@example.com";
        post("/api/auth/register", Map.of("email", email, "password", "rag-quality-password", "display_name", "RAG quality"), null);
        Session user = new Session(email, "rag-quality-password");
        String deck = post("/api/decks", Map.of("name", "Science"), user.token()).path("id").asText();
        Map<String, String> itemByCard = new LinkedHashMap<>();
        String basic = TemplateId.ofSystem("Basic").toString();
        for (int from = 0; from < items.size(); from += BULK) {
            List<Item> bulk = items.subList(from, Math.min(items.size(), from + BULK));
            JsonNode created = post("/api/cards/bulk", Map.of("deck_id", deck, "template_id", basic, "cards",
                    bulk.stream().map(item -> Map.of("fields", Map.of("Front", item.front(), "Back", item.back()))).toList()), user.token());
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

        // Retrieval: each mode with no similarity floor (ranking quality), and semantic/hybrid with the default one.
        // Semantic scores are similarities, best first: the default floor keeps a prefix of the unfloored answer.
        Map<String, Map<String, Object>> modes = new LinkedHashMap<>();
        modes.put("semantic", Map.of("mode", "semantic", "threshold", -1));
        modes.put("lexical", Map.of("mode", "lexical"));
        modes.put("hybrid", Map.of("mode", "hybrid", "threshold", -1));
        modes.put("hybrid, default threshold", Map.of("mode", "hybrid"));
        List<String> retrievalRows = new ArrayList<>();
        for (var mode : modes.entrySet()) {
            double floor = mode.getKey().equals("semantic") ? SEARCH_DEFAULT_THRESHOLD : Double.NEGATIVE_INFINITY;
            double[] paraphrase = retrieval(user, paraphraseQueries, mode.getValue(), floor, itemByCard);
            double[] fact = retrieval(user, factQueries, mode.getValue(), floor, itemByCard);
            retrievalRows.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |",
                    mode.getKey(), paraphrase[0], paraphrase[1], fact[0], fact[1]));
            if (mode.getKey().equals("semantic")) {
                retrievalRows.add(String.format(Locale.ROOT, "| semantic, default threshold %.2f | %.3f | %.3f | %.3f | %.3f |",
                        SEARCH_DEFAULT_THRESHOLD, paraphrase[2], paraphrase[3], fact[2], fact[3]));
            }
        }

        // Duplicates: one call per 100 candidates at the lowest threshold; a higher threshold keeps a prefix of
        // each candidate's matches (best first, at most 5), which is what a call at that threshold would answer.
        List<Found> found = duplicates(user, candidates, LOWEST_THRESHOLD, itemByCard);
        long positives = candidates.stream().filter(c -> c.expected() != null).count();
        List<String> duplicateRows = new ArrayList<>();
        double bestF1 = -1;
        double bestThreshold = 0;
        for (int hundredths = 50; hundredths <= 99; hundredths++) {
            double[] scores = duplicateScores(found, hundredths / 100.0, positives);
            if (scores[2] > bestF1) {
                bestF1 = scores[2];
                bestThreshold = hundredths / 100.0;
            }
        }
        for (double threshold : THRESHOLDS) {
            duplicateRows.add(duplicateRow(found, threshold, positives));
        }
        // The server's own default, asked for by leaving the threshold out, must agree with the same cut made here.
        JsonNode asDefault = post("/api/rag/duplicates", Map.of("candidates", candidates.subList(0, 100).stream()
                .map(c -> Map.of("Front", c.text())).toList()), user.token());
        double serverDefault = asDefault.path("threshold").asDouble();
        long defaultPairs = asDefault.path("duplicates").size();
        long cutPairs = found.subList(0, 100).stream()
                .mapToLong(f -> f.matches().stream().filter(m -> m.getValue() >= serverDefault).count()).sum();
        if (defaultPairs != cutPairs) {
            throw new IllegalStateException("the default threshold " + serverDefault + " answered " + defaultPairs
                    + " pairs, the cut of the low-threshold answer " + cutPairs);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "=== AnkiRAG RAG quality benchmark: %s, %d cards (indexed in %.1f s), %d cores ===%n%n",
                model, items.size(), indexSeconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Retrieval: recall@%d and MRR@%d; %d paraphrase queries (a reworded fact, new words), "
                + "%d fact queries (the statement a question card was written from)%n%n", K, K, paraphraseQueries.size(), factQueries.size());
        System.out.println("| mode | paraphrase recall@10 | paraphrase MRR | fact recall@10 | fact MRR |");
        System.out.println("|---|---|---|---|---|");
        retrievalRows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nDuplicates: %d candidates, %d of which duplicate a card (%d duplicate none); "
                + "pairs found / expected%n%n", candidates.size(), positives, candidates.size() - positives);
        System.out.println("| threshold | pairs found | precision | recall | F1 | candidates without a duplicate flagged |");
        System.out.println("|---|---|---|---|---|---|");
        duplicateRows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nbest F1 %.3f at threshold %.2f: %s%n", bestF1, bestThreshold,
                duplicateRow(found, bestThreshold, positives));
        System.out.printf(Locale.ROOT, "server default threshold %.2f (checked on 100 candidates: %d pairs)%n", serverDefault, defaultPairs);
        System.out.println("\nStrongest false matches at the best threshold:");
        double cut = bestThreshold;
        found.stream()
                .flatMap(f -> f.matches().stream().filter(m -> !m.getKey().equals(f.candidate().expected()))
                        .map(m -> Map.entry(f.candidate().text() + "  ~  " + textOf(items, m.getKey()), m.getValue())))
                .filter(m -> m.getValue() >= cut)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(m -> System.out.printf(Locale.ROOT, "  %.3f  %s%n", m.getValue(), m.getKey()));
        System.out.println();
    }

    /**
     * @param floor least score of a hit counted in the second pair of figures
     * @return recall@K and MRR@K, then both again counting only hits scoring at least {@code floor}; each query
     *         has exactly one relevant card
     */
    private double[] retrieval(Session user, List<Query> queries, Map<String, Object> mode, double floor,
                               Map<String, String> itemByCard) {
        double[] sums = new double[4];
        for (Query query : queries) {
            Map<String, Object> request = new LinkedHashMap<>(mode);
            request.put("query", query.text());
            request.put("top_k", K);
            request.put("include_sources", false);
            JsonNode results = post("/api/rag/search", request, user.token()).path("results");
            for (int rank = 0; rank < results.size(); rank++) {
                if (query.relevant().equals(itemByCard.get(results.get(rank).path("card_id").asText()))) {
                    sums[0]++;
                    sums[1] += 1.0 / (rank + 1);
                    if (results.get(rank).path("score").asDouble() >= floor) {
                        sums[2]++;
                        sums[3] += 1.0 / (rank + 1);
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= queries.size();
        }
        return sums;
    }

    private List<Found> duplicates(Session user, List<Candidate> candidates, double threshold, Map<String, String> itemByCard) {
        List<Found> found = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += 100) {
            List<Candidate> batch = candidates.subList(from, Math.min(candidates.size(), from + 100));
            JsonNode answer = post("/api/rag/duplicates", Map.of("threshold", threshold,
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

    /** @return precision, recall, F1, share of candidates without a duplicate that were flagged, pairs found */
    private static double[] duplicateScores(List<Found> found, double threshold, long positives) {
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
        return new double[] {precision, recall, f1, (double) falseAlarms / negatives, pairs};
    }

    private static String duplicateRow(List<Found> found, double threshold, long positives) {
        double[] s = duplicateScores(found, threshold, positives);
        return String.format(Locale.ROOT, "| %.2f | %d | %.3f | %.3f | %.3f | %.3f |", threshold, (long) s[4], s[0], s[1], s[2], s[3]);
    }

    private static String textOf(List<Item> items, String id) {
        return items.stream().filter(item -> item.id().equals(id)).map(item -> item.front() + " / " + item.back())
                .findFirst().orElse(id);
    }

    /** @return the index's model, once it has taken in every event */
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
