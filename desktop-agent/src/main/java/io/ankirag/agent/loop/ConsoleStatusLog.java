package io.ankirag.agent.loop;

import io.ankirag.agent.loop.AgentStatus.LastSync;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/** Logs what changed in the {@link AgentStatus}, one line per fact, for {@code --no-gui} (and beside the window). */
public final class ConsoleStatusLog implements Consumer<AgentStatus> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final PrintStream out;
    private final Clock clock;
    private AgentStatus previous = AgentStatus.INITIAL;
    private boolean changedSincePollLine = true;

    public ConsoleStatusLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void accept(AgentStatus status) {
        if (!status.server().equals(previous.server())) {
            log("server " + status.server().state() + ": " + status.server().detail());
        }
        if (!status.anki().equals(previous.anki())) {
            log("anki " + status.anki().state() + ": " + status.anki().detail());
        }
        if (status.lastSync() != null && !status.lastSync().equals(previous.lastSync())) {
            LastSync sync = status.lastSync();
            log("sync " + sync.summary());
            sync.failures().forEach(failure -> log("sync failure: " + failure));
        }
        // The next poll is told after a round that changed something, not every interval.
        if (status.nextPoll() != null && !Objects.equals(status.nextPoll(), previous.nextPoll()) && changedSincePollLine) {
            log("next poll at " + TIME.format(status.nextPoll().atOffset(ZoneOffset.UTC)));
            changedSincePollLine = false;
        }
        previous = status;
    }

    public synchronized void log(String line) {
        changedSincePollLine = true;
        out.println(TIME.format(clock.instant()) + " " + line);
        out.flush();
    }
}
