package io.ankirag.agent.server;

/** The server refused a request (4xx other than a failed login), with the Problem Details code when it sent one. */
public final class ServerRequestException extends RuntimeException {

    private final int status;
    private final String code;

    public ServerRequestException(int status, String code, String detail) {
        super("The server answered " + status + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
