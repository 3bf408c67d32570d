package io.ankirag.application.port.in.generation;

import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.ErrorCode;
import java.time.Instant;
import java.util.Map;

/**
 * A candidate of the model's that did not become a card.
 *
 * @param candidate   its number among all the job's candidates, from 1
 * @param duplicateOf for {@link Kind#DUPLICATE}: the learner's card that already says it; otherwise {@code null}
 * @param code        for {@link Kind#REJECTED}: why, as an error code; otherwise {@code null}
 */
public record GenerationIssueView(int candidate, Kind kind, Map<String, String> fields, CardId duplicateOf, Double similarity,
                                  ErrorCode code, String reason, Instant at) {

    public enum Kind {
        /** dropped: says what an existing card of the learner's says */
        DUPLICATE,
        /** could not become a card (does not fit its template, ...) */
        REJECTED
    }
}
