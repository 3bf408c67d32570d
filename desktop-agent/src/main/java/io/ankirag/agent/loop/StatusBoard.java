package io.ankirag.agent.loop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The agent's current {@link AgentStatus}, and whoever wants to hear of changes (the window, the log). */
public final class StatusBoard {

    private final List<Consumer<AgentStatus>> listeners = new CopyOnWriteArrayList<>();
    private AgentStatus current = AgentStatus.INITIAL;

    public synchronized AgentStatus current() {
        return current;
    }

    /** Registers a listener and tells it the current status at once. */
    public void subscribe(Consumer<AgentStatus> listener) {
        listeners.add(listener);
        listener.accept(current());
    }

    void update(UnaryOperator<AgentStatus> change) {
        AgentStatus next;
        synchronized (this) {
            next = change.apply(current);
            if (next.equals(current)) {
                return;
            }
            current = next;
        }
        for (Consumer<AgentStatus> listener : listeners) {
            listener.accept(next);
        }
    }
}
