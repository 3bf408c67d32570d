package io.ankirag.application.port.out.command;

import io.ankirag.domain.shared.AggregateCommand;

public interface SendCommandPort {

    /**
     * Has the addressed aggregate decide the command, stores the resulting events, and returns once the read
     * models show them, so that a caller's next query sees its own write.
     *
     * @throws io.ankirag.domain.error.DomainException the aggregate's refusal, with its code
     */
    void send(AggregateCommand command);
}
