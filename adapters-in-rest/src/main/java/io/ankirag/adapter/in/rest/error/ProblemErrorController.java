package io.ankirag.adapter.in.rest.error;

import io.ankirag.domain.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page, which the servlet container forwards to for failures outside
 * Spring MVC (a filter, the container itself), so that those answers carry an error code too.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        ErrorCode errorCode = switch (code) {
            case 400 -> ErrorCode.REQ_001;
            case 401 -> ErrorCode.AUTH_001;
            case 403 -> ErrorCode.AUTH_004;
            case 404 -> ErrorCode.REQ_004;
            case 405 -> ErrorCode.REQ_005;
            case 413 -> ErrorCode.REQ_003;
            case 415 -> ErrorCode.REQ_006;
            case 429 -> ErrorCode.RATE_001;
            case 503 -> ErrorCode.SYS_002;
            default -> code >= 500 ? ErrorCode.SYS_001 : ErrorCode.REQ_001;
        };
        ProblemDetail problem = ProblemResponses.problem(errorCode, errorCode.title());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
