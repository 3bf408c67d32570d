package io.ankirag.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ankirag.domain.error.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

public final class Refusals {

    private Refusals() {
    }

    /** Runs {@code call}, asserts it was refused with a {@link DomainException} and returns it. */
    public static DomainException refusalOf(ThrowingCallable call) {
        DomainException refusal = catchThrowableOfType(DomainException.class, call);
        assertThat(refusal).as("expected the call to be refused with a DomainException").isNotNull();
        return refusal;
    }
}
