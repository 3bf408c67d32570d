package io.ankirag.agent.loop;

import io.ankirag.agent.loop.AgentStatus.LastSync;
import io.ankirag.agent.loop.AgentStatus.Side;
import io.ankirag.agent.loop.AgentStatus.SideState;
import io.ankirag.agent.server.LoginRequiredException;
import io.ankirag.agent.server.ServerRequestException;
import io.ankirag.agent.server.ServerUnreachableException;
import io.ankirag.agent.work.AnkiProbe;
import io.ankirag.agent.work.AnkiUnavailableException;
import io.ankirag.agent.work.SyncWork;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import io.ankirag.application.port.in.sync.PushPlan.NoteResult;
import io.ankirag.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The work loop: every poll interval, ask AnkiConnect whether Anki is open, then claim the pushes and pulls queued for
 * this agent, run each against Anki and report its results (a pull: upload what it read) batch by batch, until none
 * is left. Work is claimed only while
 * Anki answers, so that nothing sits claimed on a machine whose Anki is closed; Anki going away during a push hands
 * it back for the server's retry ({@code SYNC_001}), and a refusal as a whole fails it with its code. A login the
 * server no longer takes stops the loop and tells {@code onLoginRequired}.
 */
public final class AgentLoop implements AutoCloseable {

    /** Pushes claimed in one round at most, so that a flood of tasks cannot starve the status checks. */
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
        if (!ankiAnswers()) {
            try {
                server.checkLogin();
                board.update(s -> s.withServer(new Side(SideState.CONNECTED, "logged in")));
            } catch (RuntimeException e) {
                serverFailed(e);
            }
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
            if (claimed.isEmpty() || !runAndReport(claimed.get())) {
                return !loginLost;
            }
        }
        return true;
    }

    /** @return whether to go on claiming */
    private boolean runAndReport(SyncWork work) {
        List<NoteResult> results = new ArrayList<>();
        ErrorCode failure = null;
        String detail = null;
        try {
            runner.run(work, batch -> {
                if (!work.isPull()) {
                    server.report(work, batch);
                }
                results.addAll(batch);
            });
        } catch (AnkiUnavailableException e) {
            failure = e.code();
            detail = e.getMessage();
            board.update(s -> s.withAnki(new Side(e.unreachable() ? SideState.UNREACHABLE : SideState.REFUSED,
                    e.getMessage())));
        } catch (LoginRequiredException | ServerUnreachableException | ServerRequestException e) {
            // Left claimed: the server hands it out again once the claim's lease runs out.
            serverFailed(e);
            return false;
        } catch (RuntimeException bug) {
            failure = ErrorCode.SYS_001;
            detail = "The desktop agent could not carry out this push: " + bug;
        }
        try {
            server.finish(work, failure, detail);
        } catch (RuntimeException e) {
            serverFailed(e);
            return false;
        }
        LastSync sync = lastSync(work, results, failure, detail);
        board.update(s -> s.withLastSync(sync));
        return failure == null;
    }

    private LastSync lastSync(SyncWork work, List<NoteResult> results, ErrorCode failure, String detail) {
        List<String> failures = new ArrayList<>();
        if (failure != null) {
            failures.add((failure == ErrorCode.SYNC_001 ? "Stopped, the server retries later: " : "Failed: ")
                    + failure + " " + detail);
        }
        int succeeded = 0;
        for (NoteResult result : results) {
            if (result.succeeded()) {
                succeeded++;
            } else {
                failures.add((result.cardId() == null ? "Anki note " + result.ankiNoteId() : work.describe(result.cardId()))
                        + ": " + result.error());
            }
        }
        return new LastSync(clock.instant(), work.taskId(), work.kind(), succeeded, results.size() - succeeded, failures);
    }

    private boolean ankiAnswers() {
        try {
            int version = anki.version();
            board.update(s -> s.withAnki(new Side(SideState.CONNECTED, "AnkiConnect version " + version)));
            return true;
        } catch (AnkiUnavailableException e) {
            board.update(s -> s.withAnki(new Side(e.unreachable() ? SideState.UNREACHABLE : SideState.REFUSED,
                    e.getMessage())));
            return false;
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
}
