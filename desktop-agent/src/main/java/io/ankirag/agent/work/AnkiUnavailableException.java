package io.ankirag.agent.work;

/** The local Anki cannot be used: closed, too old an AnkiConnect, or refusing access. */
public final class AnkiUnavailableException extends RuntimeException {

    public AnkiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
