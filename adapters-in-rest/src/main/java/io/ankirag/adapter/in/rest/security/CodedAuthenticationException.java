package io.ankirag.adapter.in.rest.security;

import io.ankirag.domain.error.ErrorCode;
import org.springframework.security.core.AuthenticationException;

/** Carries an error code through Spring Security's filter chain to {@link ProblemAuthenticationEntryPoint}. */
class CodedAuthenticationException extends AuthenticationException {

    private final ErrorCode code;

    CodedAuthenticationException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
