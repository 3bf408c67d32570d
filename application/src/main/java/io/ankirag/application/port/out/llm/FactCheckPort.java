package io.ankirag.application.port.out.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Checks a claim (a card's question and answer) against the web with an online model (Perplexity by default) and
 * returns the verdict with the sources it cited, which become the card's sources.
 *
 * <p>Same timeout, retry and error rules as {@link ChatModelPort}: {@code GEN_001} naming the cause after the
 * retries, or naming the missing setting when fact-checking is not configured.
 */
public interface FactCheckPort {

    enum Verdict {
        /** The sources agree with the claim. */
        SUPPORTED,
        /** The sources contradict the claim, or part of it. */
        DISPUTED,
        /** The model found nothing to decide either way. */
        UNVERIFIABLE
    }

    record Source(String url, String title) {

        public Source {
            Objects.requireNonNull(url, "url");
            title = title == null ? "" : title;
        }
    }

    /**
     * @param verdict      what the model concluded
     * @param explanation  its reasoning in a sentence or two, in the card's language when it could
     * @param correction   a corrected answer when {@link Verdict#DISPUTED}, otherwise empty
     * @param sources      the citations it gave, in its order, without duplicates
     * @param model        the model that checked
     * @param inputTokens  tokens reported, or 0
     * @param outputTokens tokens reported, or 0
     * @param latency      wall time of the successful attempt
     */
    record FactCheckResult(
            Verdict verdict,
            String explanation,
            String correction,
            List<Source> sources,
            String model,
            int inputTokens,
            int outputTokens,
            Duration latency) {

        public FactCheckResult {
            Objects.requireNonNull(verdict, "verdict");
            explanation = explanation == null ? "" : explanation;
            correction = correction == null ? "" : correction;
            sources = List.copyOf(sources);
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(latency, "latency");
        }
    }

    /**
     * @param claim    the statement to check, e.g. "Q: ... A: ..."
     * @param language the learner's language code ({@code ru}, {@code en}) for the explanation
     */
    FactCheckResult check(String claim, String language);
}
