package io.ankirag.domain.generation;

import java.util.List;
import java.util.Objects;

/**
 * What fact-checking said about a generated card: kept with the card's generation record, and its sources put
 * into the card when the learner asked for them.
 */
public record FactCheck(Verdict verdict, String explanation, String correction, List<Source> sources, String model) {

    public enum Verdict {
        SUPPORTED,
        DISPUTED,
        UNVERIFIABLE
    }

    public record Source(String url, String title) {

        public Source {
            Objects.requireNonNull(url, "url");
            title = title == null ? "" : title;
        }
    }

    public FactCheck {
        Objects.requireNonNull(verdict, "verdict");
        explanation = explanation == null ? "" : explanation;
        correction = correction == null ? "" : correction;
        sources = sources == null ? List.of() : List.copyOf(sources);
        model = model == null ? "" : model;
    }
}
