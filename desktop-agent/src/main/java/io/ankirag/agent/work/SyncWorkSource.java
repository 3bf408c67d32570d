package io.ankirag.agent.work;

import java.util.Optional;

/**
 * The server's side of the work loop: pending sync work for the logged-in user's Anki, and where results go.
 * Implementations throw {@link io.ankirag.agent.server.LoginRequiredException} when the login is gone and
 * {@link io.ankirag.agent.server.ServerUnreachableException} when the server does not answer.
 */
public interface SyncWorkSource {

    /** Checks that the server answers and takes our login, without claiming anything. */
    void checkLogin();

    /** Claims the next pending piece of work, so that no other agent of the user runs it too; empty when none waits. */
    Optional<SyncWork> claim();

    void report(SyncWork work, SyncOutcome outcome);

    /** Hands claimed work back unrun (Anki went away meanwhile), so that it is claimed again later. */
    void giveBack(SyncWork work, String reason);
}
