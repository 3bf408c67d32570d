package io.ankirag.application.generation;

import io.ankirag.domain.generation.GenerationJobId;

/**
 * The signal channels of generation: "a job may need a worker" for workers, "this job has news" for its watchers
 * and its worker. The generation projection sends both once its writes are committed, so whoever is woken reads
 * the news.
 */
public final class GenerationSignals {

    public static final String QUEUE = "generation:queue";

    private GenerationSignals() {
    }

    public static String job(GenerationJobId id) {
        return "generation:job:" + id;
    }
}
