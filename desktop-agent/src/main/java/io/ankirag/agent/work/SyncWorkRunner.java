package io.ankirag.agent.work;

/** Runs one piece of sync work against the local Anki. */
public interface SyncWorkRunner {

    /**
     * @throws AnkiUnavailableException when Anki cannot be reached or refuses us as a whole; per-note refusals are
     *                                  part of the outcome
     */
    SyncOutcome run(SyncWork work);
}
