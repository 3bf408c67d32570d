package io.ankirag.application.port.out.command;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.shared.AggregateCommand;
import java.util.List;
import java.util.function.Consumer;

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
     * Sends each command in order, independently, stores the accepted ones' events together and waits for the
     * read models once at the end: the fast path for bulk work. A later command sees what an earlier one of the
     * same aggregate decided.
     *
     * @return for each command, in order, its refusal, or {@code null} when it was accepted
     */
    default List<DomainException> sendEach(List<? extends AggregateCommand> commands) {
        return sendTogether(List.of(), commands, refusals -> { });
    }

    /**
     * One unit, for work that must land whole or not at all (an import): every command of {@code required} must be
     * accepted; each of {@code each} may be refused on its own (it then writes nothing and its refusal is
     * returned). The events of all accepted commands are stored with one commit; {@code beforeCommit} runs inside
     * that unit, after every command is decided and before the commit, so what it writes through a port that joins
     * the transaction commits or rolls back with the events. If a required command is refused or anything fails,
     * nothing is stored. Returns once the read models show the events, like {@link #send}.
     *
     * @return for each command of {@code each}, in order, its refusal, or {@code null} when it was accepted
     * @throws io.ankirag.domain.error.DomainException the refusal of the first required command refused; nothing is
     *                                                 stored then
     */
    List<DomainException> sendTogether(List<? extends AggregateCommand> required, List<? extends AggregateCommand> each,
                                       Consumer<List<DomainException>> beforeCommit);
}
