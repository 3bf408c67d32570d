package io.ankirag.adapter.in.rest.error;

import io.ankirag.application.ratelimit.RateLimitExceededException;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The only place that decides which HTTP status an error code answers with, and the only shape errors take:
 * RFC 9457 Problem Details with the code in {@code code}.
 */
public final class ProblemResponses {

    private static final String TYPE_PREFIX = "https://ankirag.io/errors/";

    private ProblemResponses() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case AUTH_001, AUTH_002 -> HttpStatus.UNAUTHORIZED;
            case AUTH_003, AUTH_004, DECK_002 -> HttpStatus.FORBIDDEN;
            case USER_001, TEMPLATE_002, PROMPT_002, PROMPT_003, GEN_004 -> HttpStatus.CONFLICT;
            case USER_002, DECK_001, CARD_001, TEMPLATE_001, PROMPT_001, GEN_003, SYNC_006, REQ_004
                    -> HttpStatus.NOT_FOUND;
            case DECK_003, CARD_002, GEN_002, SYNC_002, REQ_001 -> HttpStatus.BAD_REQUEST;
            case REQ_002 -> HttpStatus.UNPROCESSABLE_ENTITY;
            case REQ_003 -> HttpStatus.PAYLOAD_TOO_LARGE;
            case REQ_005 -> HttpStatus.METHOD_NOT_ALLOWED;
            case REQ_006 -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RATE_001 -> HttpStatus.TOO_MANY_REQUESTS;
            case GEN_001, RAG_001, SYS_001 -> HttpStatus.INTERNAL_SERVER_ERROR;
            case SYNC_001, SYS_002 -> HttpStatus.SERVICE_UNAVAILABLE;
            // AnkiConnect answered, but not as needed: the gateway's fault, not the caller's request.
            case SYNC_003, SYNC_004, SYNC_005 -> HttpStatus.BAD_GATEWAY;
        };
    }

    public static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        problem.setType(URI.create(TYPE_PREFIX + code.name().toLowerCase(java.util.Locale.ROOT)));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        return problem;
    }

    /**
     * What an error says in headers besides its body: {@code Retry-After} for a rate limit ({@code RATE_001}), in
     * whole seconds rounded up, so that a client waiting that long is let in.
     */
    public static HttpHeaders headersOf(DomainException error) {
        HttpHeaders headers = new HttpHeaders();
        if (error instanceof RateLimitExceededException limited) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(limited.retryAfter())));
        }
        return headers;
    }

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.plusNanos(999_999_999).getSeconds());
    }

    public static ProblemDetail problem(ErrorCode code, String detail, Map<String, String> fieldErrors) {
        ProblemDetail problem = problem(code, detail);
        problem.setProperty("errors", fieldErrors);
        return problem;
    }
}
