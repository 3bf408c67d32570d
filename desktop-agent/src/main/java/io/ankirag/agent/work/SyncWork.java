package io.ankirag.agent.work;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One piece of pending sync work claimed from the server.
 *
 * @param id      the server's sync task id
 * @param kind    what to do ({@code push}, {@code pull})
 * @param items   how many cards or notes it concerns, for the status line
 * @param payload the server's description of the work, read by the {@link SyncWorkRunner}
 */
public record SyncWork(String id, String kind, int items, JsonNode payload) {
}
