package io.ankirag.agent.work;

import io.ankirag.domain.error.ErrorCode;

/**
 * The local Anki cannot be used, with the code the server files the attempt under: {@code SYNC_001} not reachable
 * (the push is retried later), {@code SYNC_003} too old an AnkiConnect, {@code SYNC_004} access refused,
 * {@code SYNC_005} a request refused as a whole.
 */
public final class AnkiUnavailableException extends RuntimeException {

    private final ErrorCode code;

    public AnkiUnavailableException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Anki is closed or not answering: worth trying again later, as opposed to a refusal. */
    public boolean unreachable() {
        return code == ErrorCode.SYNC_001;
    }
}
