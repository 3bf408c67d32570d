package io.ankirag.bootstrap.config;

import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase;
import io.ankirag.application.port.in.replay.ReplayReadModelsUseCase.ProjectionProgress;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ankirag.jar --replay} (or {@code make replay}): rebuilds every read model from the event
 * store, printing progress, then exits. Run it while no server uses the same database, or use
 * {@code POST /api/admin/replay} on the running server instead.
 */
@Component
class ReplayCommand implements ApplicationRunner {

    private final ReplayReadModelsUseCase replay;
    private final ConfigurableApplicationContext context;

    ReplayCommand(ReplayReadModelsUseCase replay, ConfigurableApplicationContext context) {
        this.replay = replay;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!args.containsOption("replay")) {
            return;
        }
        long started = System.nanoTime();
        List<ProjectionProgress> progress = replay.startReplay();
        do {
            Thread.sleep(500);
            progress = replay.replayProgress();
            System.out.println("[replay] " + describe(progress));
        } while (progress.stream().anyMatch(ProjectionProgress::replaying));
        System.out.printf(Locale.ROOT, "[replay] done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private static String describe(List<ProjectionProgress> progress) {
        return progress.stream()
                .map(p -> p.replaying()
                        ? String.format(Locale.ROOT, "%s replaying %d/%d (%.0f%%)", p.projection(), p.position() + 1,
                                p.replayUntil() + 1, p.fraction() * 100)
                        : String.format(Locale.ROOT, "%s rebuilt (%d events)", p.projection(), p.position() + 1))
                .reduce((a, b) -> a + ", " + b)
                .orElse("no projections");
    }
}
