package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.sync.PushExecutor;
import io.ankirag.domain.error.DomainException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a push with the server's own {@link PushExecutor} and AnkiConnect client against the local Anki; media comes
 * from the server as the plan names it.
 */
public final class AnkiConnectSyncWorkRunner implements SyncWorkRunner {

    private final AnkiConnectPort anki;
    private final SyncWorkSource server;
    private final int batchSize;

    public AnkiConnectSyncWorkRunner(AnkiConnectPort anki, SyncWorkSource server, int batchSize) {
        this.anki = anki;
        this.server = server;
        this.batchSize = batchSize;
    }

    @Override
    public void run(SyncWork work, Consumer<List<NoteResult>> batches) {
        try {
            new PushExecutor(anki, server::media, batchSize).execute(work.plan(), batches);
        } catch (DomainException e) {
            throw new AnkiUnavailableException(e.code(), e.getMessage(), e);
        }
    }
}
