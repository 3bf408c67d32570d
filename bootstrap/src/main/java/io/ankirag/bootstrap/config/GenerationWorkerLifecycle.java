package io.ankirag.bootstrap.config;

import io.ankirag.application.generation.GenerationWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts this instance's generation worker once everything else runs, and stops it first on shutdown, so that
 * the jobs it gives back are still recorded (and taken up by another instance, or by this one when it returns).
 * {@code ankirag.generation.worker.enabled=false} leaves this instance to serve the API only.
 */
@Component
class GenerationWorkerLifecycle implements SmartLifecycle {

    private final GenerationWorker worker;
    private final boolean enabled;
    private volatile boolean running;

    GenerationWorkerLifecycle(GenerationWorker worker, @Value("${ankirag.generation.worker.enabled:true}") boolean enabled) {
        this.worker = worker;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            worker.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        worker.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
