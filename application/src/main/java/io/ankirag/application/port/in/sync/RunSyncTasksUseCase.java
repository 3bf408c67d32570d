package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.work.RunQueuedWorkUseCase;

/** The queued pushes and pulls that the server runs against its AnkiConnect, as their workers run them. */
public interface RunSyncTasksUseCase extends RunQueuedWorkUseCase {
}
