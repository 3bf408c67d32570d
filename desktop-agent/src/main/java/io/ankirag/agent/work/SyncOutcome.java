package io.ankirag.agent.work;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What running one {@link SyncWork} against Anki came to; partial success is normal (spec 6.4).
 *
 * @param failures one line per failed item, for the window and the log
 * @param report   the result as the server wants it reported
 */
public record SyncOutcome(int succeeded, int failed, List<String> failures, JsonNode report) {

    public SyncOutcome {
        failures = List.copyOf(failures);
    }
}
