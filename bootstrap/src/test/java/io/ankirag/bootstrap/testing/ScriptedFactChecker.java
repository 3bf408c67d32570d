package io.ankirag.bootstrap.testing;

import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fact-checks like Perplexity would, from a script: a claim containing a scripted key gets that verdict (or
 * failure); any other claim is supported, citing one source made from the claim. {@link #delay} makes every check
 * take that long (the benchmark's fixed model time).
 */
public final class ScriptedFactChecker implements FactCheckPort {

    public static final String MODEL = "scripted-sonar";

    /** @param failure when set, the check fails with GEN_001 and this message instead */
    public record Verdict(FactCheckPort.Verdict verdict, String explanation, String correction, List<Source> sources,
                          String failure) {
    }

    /** One check as it happened, with when it began and ended ({@link System#nanoTime()}). */
    public record Check(String claim, long startedNanos, long endedNanos) {
    }

    private final Map<String, Verdict> scripts = new ConcurrentHashMap<>();
    private final List<String> claims = Collections.synchronizedList(new ArrayList<>());
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration delay = Duration.ZERO;

    public void script(String key, Verdict verdict) {
        scripts.put(key, verdict);
    }

    public void delay(Duration delay) {
        this.delay = delay;
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
        try {
            return answer(claim, started);
        } finally {
            checks.add(new Check(claim, started, System.nanoTime()));
        }
    }

    private FactCheckResult answer(String claim, long started) {
        claims.add(claim);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.GEN_001, "fact-check interrupted");
            }
        }
        Verdict verdict = scripts.entrySet().stream()
                .filter(entry -> claim.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Verdict(FactCheckPort.Verdict.SUPPORTED, "The sources agree.", "",
                        List.of(new Source("https://example.org/facts/" + Math.abs(claim.hashCode()), "Reference for the claim")),
                        null));
        if (verdict.failure() != null) {
            throw new DomainException(ErrorCode.GEN_001, verdict.failure());
        }
        return new FactCheckResult(verdict.verdict(), verdict.explanation(), verdict.correction(), verdict.sources(), MODEL,
                claim.length() / 4, 40, Duration.ofNanos(System.nanoTime() - started));
    }
}
