package io.ankirag.agent.server;

/** The server did not answer, or answered with a server error: worth trying again at the next poll. */
public final class ServerUnreachableException extends RuntimeException {

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
