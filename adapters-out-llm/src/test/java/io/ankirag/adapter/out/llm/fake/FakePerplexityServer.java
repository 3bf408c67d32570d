package io.ankirag.adapter.out.llm.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A fake Perplexity ({@code POST /chat/completions}, OpenAI's shape) whose answers carry {@code citations} (URLs)
 * and {@code search_results} (title, URL, date) beside the choices. Unless scripted it finds every claim
 * SUPPORTED by two example sources.
 */
public final class FakePerplexityServer extends OpenAiShapedFake<FakePerplexityServer> {

    /** One entry of {@code search_results}. */
    public record SearchResult(String title, String url) {
    }

    public static final List<SearchResult> DEFAULT_SOURCES = List.of(
            new SearchResult("Example encyclopedia", "https://example.org/encyclopedia/fact"),
            new SearchResult("Example textbook", "https://example.org/textbook/chapter-1"));

    /** A judgement for {@link #judgeBy}: the answer's text, what it cites and how long it takes, or a failure. */
    public record Judgement(String text, List<String> citations, List<SearchResult> searchResults, Duration delay,
                            int failureStatus) {

        public static Judgement of(String text, List<String> citations, List<SearchResult> searchResults, Duration delay) {
            return new Judgement(text, citations, searchResults, delay, 0);
        }

        /** Fails at once with {@code status}, the provider's error body saying {@code message}. */
        public static Judgement failure(int status, String message) {
            return new Judgement(message, List.of(), List.of(), Duration.ZERO, status);
        }
    }

    private volatile Function<Received, Judgement> judge;

    public FakePerplexityServer() {
        super(request -> verdict("SUPPORTED", "The sources agree with the claim.", ""));
    }

    /** What an answer cites unless told otherwise. */
    private static final ObjectNode DEFAULT_EXTRA =
            extra(DEFAULT_SOURCES.stream().map(SearchResult::url).toList(), DEFAULT_SOURCES);

    /** Perplexity's base URL has no {@code /v1}: {@code https://api.perplexity.ai}. */
    @Override
    public URI baseUrl() {
        String v1 = super.baseUrl().toString();
        return URI.create(v1.substring(0, v1.length() - "/v1".length()));
    }

    /** The JSON verdict the fact-checker asks the model for. */
    public static String verdict(String verdict, String explanation, String correction) {
        return JSON.createObjectNode()
                .put("verdict", verdict)
                .put("explanation", explanation)
                .put("correction", correction)
                .toString();
    }

    /** How every unscripted request is answered, with its own citations, delay or failure. */
    public FakePerplexityServer judgeBy(Function<Received, Judgement> judge) {
        this.judge = judge;
        return this;
    }

    @Override
    protected Step byDefault(Received request) {
        Function<Received, Judgement> judge = this.judge;
        if (judge == null) {
            return super.byDefault(request);
        }
        Judgement judgement = judge.apply(request);
        if (judgement.failureStatus() != 0) {
            return new Fail(judgement.failureStatus(), errorBody(judgement.failureStatus(), judgement.text()), null);
        }
        return new Reply(judgement.text(), judgement.delay(), extra(judgement.citations(), judgement.searchResults()));
    }

    /** Answers {@code text} with these {@code citations} and {@code search_results} (either may be empty). */
    public FakePerplexityServer thenReply(String text, List<String> citations, List<SearchResult> searchResults) {
        return then(new Reply(text, Duration.ZERO, extra(citations, searchResults)));
    }

    @Override
    public FakePerplexityServer thenReply(String text) {
        return then(new Reply(text, Duration.ZERO, DEFAULT_EXTRA));
    }

    @Override
    public FakePerplexityServer thenReplyAfter(Duration delay, String text) {
        return then(new Reply(text, delay, DEFAULT_EXTRA));
    }

    @Override
    protected ObjectNode answer(Received request, String id, String model, String text, ObjectNode extra) {
        return super.answer(request, id, model, text, extra == null ? DEFAULT_EXTRA : extra);
    }

    private static ObjectNode extra(List<String> citations, List<SearchResult> searchResults) {
        ObjectNode extra = JSON.createObjectNode();
        if (!citations.isEmpty()) {
            ArrayNode urls = extra.putArray("citations");
            citations.forEach(urls::add);
        }
        if (!searchResults.isEmpty()) {
            ArrayNode results = extra.putArray("search_results");
            searchResults.forEach(result -> results.addObject()
                    .put("title", result.title())
                    .put("url", result.url())
                    .put("date", "2025-01-01"));
        }
        return extra;
    }
}
