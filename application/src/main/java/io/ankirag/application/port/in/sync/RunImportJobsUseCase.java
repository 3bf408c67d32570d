package io.ankirag.application.port.in.sync;

import io.ankirag.application.port.in.work.RunQueuedWorkUseCase;

/** The queued .apkg imports, as their workers run them. */
public interface RunImportJobsUseCase extends RunQueuedWorkUseCase {
}
