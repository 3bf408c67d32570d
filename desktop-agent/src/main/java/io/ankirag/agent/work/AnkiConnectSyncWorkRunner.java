package io.ankirag.agent.work;

import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.in.sync.PulledNotes;
import io.ankirag.application.port.out.anki.AnkiConnectPort.NoteInfo;
import io.ankirag.application.sync.PullReader;
import io.ankirag.application.sync.PushExecutor;
import java.time.Clock;
import io.ankirag.domain.error.DomainException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a push with the server's own {@link PushExecutor} and AnkiConnect client against the local Anki; media comes
 * from the server as the plan names it. Runs a pull with the server's own {@link PullReader}: the notes it reads go
 * up in batches of at most {@code batchSize} notes, each with the details and media its new notes need, and a batch
 * whose media is over {@link #MAX_MEDIA_BYTES_PER_UPLOAD} is split (the server takes 64 MiB at most).
 */
public final class AnkiConnectSyncWorkRunner implements SyncWorkRunner {

    static final long MAX_MEDIA_BYTES_PER_UPLOAD = 32L * 1024 * 1024;

    private final AnkiConnectPort anki;
    private final SyncWorkSource server;
    private final int batchSize;
    private final Clock clock;

    public AnkiConnectSyncWorkRunner(AnkiConnectPort anki, SyncWorkSource server, int batchSize) {
        this(anki, server, batchSize, Clock.systemUTC());
    }

    /** @param clock what "today" is for a pull of the notes changed since the last one (Anki counts whole days) */
    public AnkiConnectSyncWorkRunner(AnkiConnectPort anki, SyncWorkSource server, int batchSize, Clock clock) {
        this.anki = anki;
        this.server = server;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public void run(SyncWork work, Consumer<List<NoteResult>> batches) {
        try {
            if (work.isPull()) {
                pull(work, batches);
            } else {
                new PushExecutor(anki, server::media, batchSize).execute(work.plan(), batches);
            }
        } catch (DomainException e) {
            throw new AnkiUnavailableException(e.code(), e.getMessage(), e);
        }
    }

    private void pull(SyncWork work, Consumer<List<NoteResult>> batches) {
        PullReader reader = new PullReader(anki, clock);
        List<NoteInfo> notes = reader.notes(work.pull());
        if (notes.isEmpty()) {
            batches.accept(server.uploadPulled(work, 0, reader.details(List.of(), name -> false)));
        }
        for (int from = 0; from < notes.size(); from += batchSize) {
            upload(work, notes.size(), reader, notes.subList(from, Math.min(notes.size(), from + batchSize)), batches);
        }
    }

    private void upload(SyncWork work, int total, PullReader reader, List<NoteInfo> batch,
                        Consumer<List<NoteResult>> batches) {
        PulledNotes pulled = reader.details(batch, name -> true);
        if (pulled.mediaBytes() > MAX_MEDIA_BYTES_PER_UPLOAD && batch.size() > 1) {
            int half = batch.size() / 2;
            upload(work, total, reader, batch.subList(0, half), batches);
            upload(work, total, reader, batch.subList(half, batch.size()), batches);
            return;
        }
        batches.accept(server.uploadPulled(work, total, pulled));
    }
}
