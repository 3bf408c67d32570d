package io.ankirag.application.port.out.command;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.shared.AggregateCommand;
import java.util.ArrayList;
import java.util.List;

public interface SendCommandPort {

    /**
     * Has the addressed aggregate decide the command, stores the resulting events, and returns once the read
     * models show them, so that a caller's next query sees its own write.
     *
     * @throws io.ankirag.domain.error.DomainException the aggregate's refusal, with its code
     */
    void send(AggregateCommand command);

    /**
     * Sends the commands as one: each aggregate decides in order, and either every command is accepted and all
     * their events are stored together, or the first refusal is thrown and none of them takes effect. Returns once
     * the read models show them.
     *
     * @throws io.ankirag.domain.error.DomainException the first refusal, with its code
     */
    void sendAll(List<? extends AggregateCommand> commands);

    /**
     * Like {@link #sendAll}, but may return before the read models show the events: for background work that reads
     * nothing back and learns from signals when the read models have caught up.
     */
    default void dispatchAll(List<? extends AggregateCommand> commands) {
        sendAll(commands);
    }

    /**
     * Sends each command in order, independently, and waits for the read models once at the end: the fast
     * path for bulk work.
     *
     * @return for each command, in order, its refusal, or {@code null} when it was accepted
     */
    default List<DomainException> sendEach(List<? extends AggregateCommand> commands) {
        List<DomainException> refusals = new ArrayList<>(commands.size());
        for (AggregateCommand command : commands) {
            try {
                send(command);
                refusals.add(null);
            } catch (DomainException refused) {
                refusals.add(refused);
            }
        }
        return refusals;
    }
}
