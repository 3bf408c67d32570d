package io.ankirag.agent.token;

/** The token could not be read or written (a broken keyring, a tampered or foreign file). */
public final class TokenStoreException extends RuntimeException {

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
