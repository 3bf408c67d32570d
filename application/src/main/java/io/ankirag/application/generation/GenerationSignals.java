package io.ankirag.application.generation;

import io.ankirag.domain.generation.GenerationJobId;

/** The signal channels of generation: "a job was requested" for workers, "this job has news" for its watchers. */
final class GenerationSignals {

    static final String QUEUE = "generation:queue";

    private GenerationSignals() {
    }

    static String job(GenerationJobId id) {
        return "generation:job:" + id;
    }
}
