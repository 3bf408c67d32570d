package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of the work loop: pushes and pulls queued for this user's agent, the media pushes name, and where
 * results and what pulls read go. Implementations throw {@link io.ankirag.agent.server.LoginRequiredException} when the login is gone,
 * {@link io.ankirag.agent.server.ServerUnreachableException} when the server does not answer, and
 * {@link io.ankirag.agent.server.ServerRequestException} when it refuses a request.
 */
public interface SyncWorkSource {

    /** Checks that the server answers and takes our login, without claiming anything. */
    void checkLogin();

    /** Claims the oldest waiting push, so that no other agent of the user runs it too; empty when none waits. */
    Optional<SyncWork> claim();

    /** A media file the work's plan names, or {@code null} when the server has none of that name. */
    byte[] media(String name);

    /** Reports one batch of results (each card synced with its note id, or failed); keeps the claim alive. */
    void report(SyncWork work, List<NoteResult> batch);

    /**
     * Uploads a batch of what a pull read from Anki, which the server applies as its own pull would; keeps the claim
     * alive.
     *
     * @param total the notes the whole pull read
     * @return what became of each note: a result with an error for a note that could not be applied (its card id is
     *         {@code null} when the note has no card)
     */
    List<NoteResult> uploadPulled(SyncWork work, int total, PulledNotes batch);

    /**
     * Ends the attempt: completed when {@code failure} is {@code null}; with {@code SYNC_001} (Anki not reachable) the
     * server defers the task to its next retry; with any other code the task fails.
     */
    void finish(SyncWork work, ErrorCode failure, String detail);
}
