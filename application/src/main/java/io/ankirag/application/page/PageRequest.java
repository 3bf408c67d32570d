package io.ankirag.application.page;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** A 1-based page of at most {@value #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 1) {
            throw new DomainException(ErrorCode.REQ_002, "page must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.REQ_002, "size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
