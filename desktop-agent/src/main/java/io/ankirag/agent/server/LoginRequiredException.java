package io.ankirag.agent.server;

/** The server no longer accepts the stored login (none stored, expired, revoked, or the account deactivated). */
public final class LoginRequiredException extends RuntimeException {

    public LoginRequiredException(String message) {
        super(message);
    }
}
