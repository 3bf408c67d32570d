package io.ankirag.agent;

import io.ankirag.adapter.out.anki.ankiconnect.AnkiConnectClient;
import io.ankirag.agent.config.AgentConfig;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.agent.work.AnkiConnectSyncWorkRunner;
import io.ankirag.agent.work.ServerSyncWorkSource;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import java.time.Duration;

/** Where work comes from (the server's agent endpoints) and what runs it (AnkiConnect), for one login. */
record SyncWorkParts(SyncWorkSource source, SyncWorkRunner runner) {

    /** Results go back to the server after this many notes, which also keeps the claim's lease alive. */
    static final int NOTES_PER_REPORT = 200;

    static SyncWorkParts of(AgentConfig config, ServerSession session) {
        SyncWorkSource source = new ServerSyncWorkSource(session);
        AnkiConnectClient anki = new AnkiConnectClient(config.ankiConnectUrl(), config.ankiConnectKey(),
                Duration.ofSeconds(5), Duration.ofMinutes(2));
        return new SyncWorkParts(source, new AnkiConnectSyncWorkRunner(anki, source, NOTES_PER_REPORT));
    }
}
