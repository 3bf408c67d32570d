package io.ankirag.domain.chat;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** What the learner writes to the assistant. */
public record ChatMessageContent(String value) {

    public static final int MAX_LENGTH = 10_000;

    public ChatMessageContent {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.REQ_002, "content must not be blank");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new DomainException(ErrorCode.REQ_002, "content must be at most " + MAX_LENGTH + " characters");
        }
    }
}
