package io.ankirag.domain.chat;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** What a chat session is called in the learner's list. */
public record ChatTitle(String value) {

    public static final int MAX_LENGTH = 255;

    public ChatTitle {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "title must not be blank");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "title must be at most " + MAX_LENGTH + " characters");
        }
    }
}
