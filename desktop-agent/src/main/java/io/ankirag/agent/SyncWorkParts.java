package io.ankirag.agent;

import io.ankirag.agent.config.AgentConfig;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import java.net.http.HttpClient;

/** Where work comes from (the server's agent endpoints) and what runs it (AnkiConnect), for one login. */
record SyncWorkParts(SyncWorkSource source, SyncWorkRunner runner) {

    static SyncWorkParts of(AgentConfig config, ServerSession session, HttpClient http) {
        throw new UnsupportedOperationException("the server's agent endpoints are not merged yet (issue 8)");
    }
}
