package io.ankirag.agent.work;

/** Asks the local AnkiConnect whether it is there. */
public interface AnkiProbe {

    /**
     * @return the AnkiConnect protocol version it speaks
     * @throws AnkiUnavailableException when it does not answer, or refuses us
     */
    int version();
}
