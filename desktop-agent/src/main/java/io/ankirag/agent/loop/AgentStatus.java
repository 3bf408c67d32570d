package io.ankirag.agent.loop;

import java.time.Instant;
import java.util.List;

/**
 * What the window shows and the log tells: both sides' connection, the last sync, the next poll.
 *
 * @param lastSync {@code null} before the first piece of work ran
 * @param nextPoll {@code null} while the loop is stopped
 */
public record AgentStatus(Side server, Side anki, LastSync lastSync, Instant nextPoll) {

    public static final AgentStatus INITIAL = new AgentStatus(
            new Side(SideState.UNKNOWN, "not checked yet"), new Side(SideState.UNKNOWN, "not checked yet"), null, null);

    public enum SideState {
        UNKNOWN, CONNECTED, UNREACHABLE,
        /** The server refused a request, or Anki refuses access. */
        REFUSED,
        /** The server no longer takes the stored login. */
        LOGIN_REQUIRED
    }

    public record Side(SideState state, String detail) {
    }

    /** The result of the last piece of work that ran. */
    public record LastSync(Instant finished, String taskId, String kind, int succeeded, int failed,
                           List<String> failures) {

        public LastSync {
            failures = List.copyOf(failures);
        }

        public String summary() {
            return kind + " " + taskId + ": " + succeeded + ("pull".equals(kind) ? " pulled, " : " synced, ") + failed
                    + " failed";
        }
    }

    AgentStatus withServer(Side side) {
        return new AgentStatus(side, anki, lastSync, nextPoll);
    }

    AgentStatus withAnki(Side side) {
        return new AgentStatus(server, side, lastSync, nextPoll);
    }

    AgentStatus withLastSync(LastSync sync) {
        return new AgentStatus(server, anki, sync, nextPoll);
    }

    AgentStatus withNextPoll(Instant when) {
        return new AgentStatus(server, anki, lastSync, when);
    }
}
