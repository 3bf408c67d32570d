package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import java.util.List;
import java.util.function.Consumer;

/** Carries out a claimed push or pull against the local Anki. */
public interface SyncWorkRunner {

    /**
     * @param batches gets each batch's results as soon as Anki has them; per-note refusals are results. For a pull,
     *                the results of each batch the server applied (already uploaded: nothing to report)
     * @throws AnkiUnavailableException when Anki cannot be reached or refuses the push as a whole
     */
    void run(SyncWork work, Consumer<List<NoteResult>> batches);
}
