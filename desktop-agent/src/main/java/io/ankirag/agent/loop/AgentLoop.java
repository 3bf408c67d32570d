package io.ankirag.agent.loop;

import io.ankirag.agent.loop.AgentStatus.LastSync;
import io.ankirag.agent.loop.AgentStatus.Side;
import io.ankirag.agent.loop.AgentStatus.SideState;
import io.ankirag.agent.server.LoginRequiredException;
import io.ankirag.agent.server.ServerRequestException;
import io.ankirag.agent.server.ServerUnreachableException;
import io.ankirag.agent.work.AnkiProbe;
import io.ankirag.agent.work.AnkiUnavailableException;
import io.ankirag.agent.work.SyncOutcome;
import io.ankirag.agent.work.SyncWork;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The work loop: every poll interval, ask AnkiConnect whether Anki is open, then claim pending sync work from the
 * server, run it against Anki and report the result, until no work is left. Work is claimed only while Anki answers,
 * so that nothing sits claimed on a machine whose Anki is closed. A login the server no longer takes stops the loop
 * and tells {@code onLoginRequired}.
 */
public final class AgentLoop implements AutoCloseable {

    /** Work claimed in one round at most, so that a flood of tasks cannot starve the status checks. */
    private static final int MAX_WORK_PER_ROUND = 100;

    private final SyncWorkSource server;
    private final SyncWorkRunner runner;
    private final AnkiProbe anki;
    private final StatusBoard board;
    private final Duration pollInterval;
    private final Clock clock;
    private final Consumer<String> onLoginRequired;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;
    private boolean stopped;
    private volatile boolean loginLost;

    public AgentLoop(SyncWorkSource server, SyncWorkRunner runner, AnkiProbe anki, StatusBoard board,
                     Duration pollInterval, Clock clock, Consumer<String> onLoginRequired) {
        this.server = server;
        this.runner = runner;
        this.anki = anki;
        this.board = board;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.onLoginRequired = onLoginRequired;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("agent-loop").daemon().factory());
    }

    /** Starts polling now, then every poll interval. */
    public synchronized void start() {
        stopped = false;
        schedule(Duration.ZERO);
    }

    /** Polls now instead of at the next interval ("Sync now"). */
    public synchronized void pollNow() {
        if (!stopped) {
            schedule(Duration.ZERO);
        }
    }

    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
        board.update(status -> status.withNextPoll(null));
    }

    @Override
    public void close() {
        stop();
        scheduler.shutdownNow();
    }

    /** One round: check both sides, run whatever work waits. Returns whether the loop may go on. */
    public boolean runOnce() {
        loginLost = false;
        if (!checkAnki()) {
            checkServerLogin();
            return !loginLost;
        }
        for (int done = 0; done < MAX_WORK_PER_ROUND; done++) {
            Optional<SyncWork> claimed;
            try {
                claimed = server.claim();
                board.update(s -> s.withServer(new Side(SideState.CONNECTED, "logged in")));
            } catch (RuntimeException e) {
                serverFailed(e);
                return !loginLost;
            }
            if (claimed.isEmpty()) {
                return true;
            }
            if (!runAndReport(claimed.get())) {
                return !loginLost;
            }
        }
        return true;
    }

    private boolean runAndReport(SyncWork work) {
        SyncOutcome outcome;
        try {
            outcome = runner.run(work);
        } catch (AnkiUnavailableException e) {
            board.update(s -> s.withAnki(new Side(SideState.UNREACHABLE, e.getMessage())));
            try {
                server.giveBack(work, e.getMessage());
            } catch (RuntimeException serverToo) {
                serverFailed(serverToo);
            }
            return false;
        } catch (RuntimeException e) {
            // A bug or a payload we do not understand: report it as a failed task rather than claim it forever.
            outcome = new SyncOutcome(0, Math.max(1, work.items()),
                    List.of("The agent could not run this task: " + e), null);
        }
        SyncOutcome finished = outcome;
        try {
            server.report(work, finished);
        } catch (RuntimeException e) {
            serverFailed(e);
            return false;
        }
        board.update(s -> s.withLastSync(new LastSync(clock.instant(), work.id(), work.kind(),
                finished.succeeded(), finished.failed(), finished.failures())));
        return true;
    }

    private boolean checkAnki() {
        try {
            int version = anki.version();
            board.update(s -> s.withAnki(new Side(SideState.CONNECTED, "AnkiConnect version " + version)));
            return true;
        } catch (AnkiUnavailableException e) {
            board.update(s -> s.withAnki(new Side(SideState.UNREACHABLE, e.getMessage())));
            return false;
        }
    }

    /** With Anki away no work is claimed, but the window should still say whether the server takes us. */
    private void checkServerLogin() {
        try {
            server.checkLogin();
            board.update(s -> s.withServer(new Side(SideState.CONNECTED, "logged in")));
        } catch (RuntimeException e) {
            serverFailed(e);
        }
    }

    private void serverFailed(RuntimeException e) {
        switch (e) {
            case LoginRequiredException login -> {
                loginLost = true;
                board.update(s -> s.withServer(new Side(SideState.LOGIN_REQUIRED, login.getMessage())));
                onLoginRequired.accept(login.getMessage());
            }
            case ServerUnreachableException unreachable ->
                    board.update(s -> s.withServer(new Side(SideState.UNREACHABLE, unreachable.getMessage())));
            case ServerRequestException refused ->
                    board.update(s -> s.withServer(new Side(SideState.REFUSED, refused.getMessage())));
            default -> throw e;
        }
    }

    private synchronized void schedule(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        boolean goOn;
        try {
            goOn = runOnce();
        } catch (RuntimeException bug) {
            board.update(s -> s.withServer(new Side(SideState.UNREACHABLE, "Agent error: " + bug)));
            goOn = true;
        }
        synchronized (this) {
            if (!goOn) {
                stopped = true;
                board.update(s -> s.withNextPoll(null));
                return;
            }
            if (!stopped && !Thread.currentThread().isInterrupted()) {
                board.update(s -> s.withNextPoll(clock.instant().plus(pollInterval)));
                next = scheduler.schedule(this::round, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Lets the loop run again after a new login. */
    public synchronized void resumeAfterLogin() {
        loginLost = false;
        start();
    }
}
