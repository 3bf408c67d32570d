package io.ankirag.adapter.out.anki.apkg;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** Every refusal of a package is a {@code SYNC_002}; this names it once. */
final class InvalidPackage {

    private InvalidPackage() {
    }

    static DomainException because(String detail) {
        return new DomainException(ErrorCode.SYNC_002, detail);
    }

    static DomainException because(String detail, Throwable cause) {
        return new DomainException(ErrorCode.SYNC_002, detail, cause);
    }
}
