package io.ankirag.application.port.in.sync;

import java.time.Instant;

/**
 * What a pull reads from Anki, worked out on the server: the notes of all decks or of one deck subtree, all of them or
 * only those changed since the last pull. Whoever reaches the user's Anki reads it ({@code PullReader}): the server's
 * worker, or the desktop agent.
 *
 * @param deck  a deck path ({@code A::B}) whose subtree is read; {@code null} for all decks
 * @param since only notes modified at or after this instant; {@code null} for all
 */
public record PullPlan(String deck, Instant since) {
}
