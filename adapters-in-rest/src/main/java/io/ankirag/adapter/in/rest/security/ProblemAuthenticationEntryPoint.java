package io.ankirag.adapter.in.rest.security;

import io.ankirag.adapter.in.rest.error.ProblemWriter;
import io.ankirag.domain.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Answers requests without a usable access token: {@code AUTH_002} when it expired, the refusal's own code otherwise. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        if (failure instanceof CodedAuthenticationException coded) {
            problems.write(request, response, coded.code(), coded.getMessage());
        } else if (expired(failure)) {
            problems.write(request, response, ErrorCode.AUTH_002, "access token expired; refresh it with POST /api/auth/refresh");
        } else if (request.getHeader("Authorization") == null) {
            problems.write(request, response, ErrorCode.AUTH_001, "authentication required: send Authorization: Bearer <access_token>");
        } else {
            problems.write(request, response, ErrorCode.AUTH_001, "access token is not valid");
        }
    }

    private static boolean expired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid
                    && invalid.getErrors().stream().anyMatch(error -> ExpiryValidator.EXPIRED.equals(error.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
