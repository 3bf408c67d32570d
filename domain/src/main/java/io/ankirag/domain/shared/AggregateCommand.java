package io.ankirag.domain.shared;

import io.ankirag.domain.user.UserId;
import java.util.UUID;

/** A command addressed to one aggregate instance, on behalf of one user. */
public interface AggregateCommand {

    /** The aggregate that decides this command; how the command bus finds it. */
    UUID aggregateId();

    /** Who asks: checked against ownership by the aggregate, and recorded with the events for the audit trail. */
    UserId actor();
}
