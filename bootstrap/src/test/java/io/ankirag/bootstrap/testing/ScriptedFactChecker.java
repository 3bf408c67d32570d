package io.ankirag.bootstrap.testing;

import io.ankirag.adapter.out.llm.fake.FakePerplexityServer;
import io.ankirag.adapter.out.llm.fake.FakePerplexityServer.Judgement;
import io.ankirag.adapter.out.llm.fake.FakePerplexityServer.SearchResult;
import io.ankirag.application.port.out.llm.FactCheckPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real Perplexity fact-checker, talking over HTTP to the fake Perplexity ({@link FakeLlms#PERPLEXITY}), whose
 * verdicts tests script here: a claim containing a scripted key gets that verdict (or failure); any other claim
 * is supported, citing one source made from the claim. {@link #delay} makes every check take that long (the
 * benchmark's fixed model time). Every check is recorded as the pipeline made it.
 */
public final class ScriptedFactChecker implements FactCheckPort {

    /** @param failure when set, the fake answers 503 saying this instead, until the adapter's retries are spent */
    public record Verdict(FactCheckPort.Verdict verdict, String explanation, String correction, List<Source> sources,
                          String failure) {
    }

    /** One check as it happened, with when it began and ended ({@link System#nanoTime()}). */
    public record Check(String claim, long startedNanos, long endedNanos) {
    }

    private final FactCheckPort factChecker;
    private final FakePerplexityServer server;
    private final Map<String, Verdict> scripts = new ConcurrentHashMap<>();
    private final List<String> claims = Collections.synchronizedList(new ArrayList<>());
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration delay = Duration.ZERO;

    public ScriptedFactChecker(FactCheckPort factChecker, FakePerplexityServer server) {
        this.factChecker = factChecker;
        this.server = server;
        server.judgeBy(this::judge);
    }

    public void script(String key, Verdict verdict) {
        scripts.put(key, verdict);
        server.judgeBy(this::judge);
    }

    public void delay(Duration delay) {
        this.delay = delay;
        server.judgeBy(this::judge);
    }

    /** The claims checked whose text contains {@code key}. */
    public List<String> claims(String key) {
        synchronized (claims) {
            return claims.stream().filter(claim -> claim.contains(key)).toList();
        }
    }

    /** The checks of claims containing {@code key}, as they happened. */
    public List<Check> checks(String key) {
        synchronized (checks) {
            return checks.stream().filter(check -> check.claim().contains(key)).toList();
        }
    }

    @Override
    public FactCheckResult check(String claim, String language) {
        long started = System.nanoTime();
        claims.add(claim);
        try {
            return factChecker.check(claim, language);
        } finally {
            checks.add(new Check(claim, started, System.nanoTime()));
        }
    }

    private Judgement judge(FakePerplexityServer.Received request) {
        String claim = request.lastUserMessage();
        Verdict verdict = scripts.entrySet().stream()
                .filter(entry -> claim.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Verdict(FactCheckPort.Verdict.SUPPORTED, "The sources agree.", "",
                        List.of(new Source("https://example.org/facts/" + Math.abs(claim.hashCode()), "Reference for the claim")),
                        null));
        if (verdict.failure() != null) {
            return Judgement.failure(503, verdict.failure());
        }
        return Judgement.of(FakePerplexityServer.verdict(verdict.verdict().name(), verdict.explanation(), verdict.correction()),
                verdict.sources().stream().map(Source::url).toList(),
                verdict.sources().stream().map(source -> new SearchResult(source.title(), source.url())).toList(), delay);
    }
}
