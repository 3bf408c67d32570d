package io.ankirag.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.agent.loop.AgentStatus.SideState;
import io.ankirag.agent.server.LoginRequiredException;
import io.ankirag.agent.server.ServerUnreachableException;
import io.ankirag.agent.work.AnkiProbe;
import io.ankirag.agent.work.AnkiUnavailableException;
import io.ankirag.agent.work.SyncOutcome;
import io.ankirag.agent.work.SyncWork;
import io.ankirag.agent.work.SyncWorkRunner;
import io.ankirag.agent.work.SyncWorkSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentLoopTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private final QueueOfWork server = new QueueOfWork();
    private final ScriptedAnki anki = new ScriptedAnki();
    private final StatusBoard board = new StatusBoard();
    private final List<String> loginRequests = new CopyOnWriteArrayList<>();

    private AgentLoop loop(Duration interval) {
        return new AgentLoop(server, anki, anki, board, interval, clock, loginRequests::add);
    }

    @Test
    void runsEveryWaitingPieceOfWorkAndReportsEachResult() {
        server.pending.add(new SyncWork("t1", "push", 3, null));
        server.pending.add(new SyncWork("t2", "pull", 2, null));

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isTrue();
        assertThat(anki.ran).extracting(SyncWork::id).containsExactly("t1", "t2");
        assertThat(server.reports).containsExactly("t1: 3 ok, 0 failed", "t2: 2 ok, 0 failed");
        AgentStatus status = board.current();
        assertThat(status.server().state()).isEqualTo(SideState.CONNECTED);
        assertThat(status.anki()).isEqualTo(new AgentStatus.Side(SideState.CONNECTED, "AnkiConnect version 6"));
        assertThat(status.lastSync().taskId()).isEqualTo("t2");
        assertThat(status.lastSync().summary()).isEqualTo("pull t2: 2 synced, 0 failed");
    }

    @Test
    void partialFailuresAreReportedAndShown() {
        server.pending.add(new SyncWork("t1", "push", 3, null));
        anki.failNotes = 1;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(server.reports).containsExactly("t1: 2 ok, 1 failed");
        assertThat(board.current().lastSync().failures()).containsExactly("card 1: cannot create note because it is a duplicate");
    }

    @Test
    void claimsNothingWhileAnkiIsClosedButStillChecksTheLogin() {
        server.pending.add(new SyncWork("t1", "push", 3, null));
        anki.open = false;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(server.pending).hasSize(1);
        assertThat(server.loginChecks).isEqualTo(1);
        assertThat(board.current().anki().state()).isEqualTo(SideState.UNREACHABLE);
        assertThat(board.current().anki().detail()).contains("is Anki open");
        assertThat(board.current().server().state()).isEqualTo(SideState.CONNECTED);
    }

    @Test
    void workWhoseAnkiWentAwayIsGivenBackNotReportedAsFailed() {
        server.pending.add(new SyncWork("t1", "push", 3, null));
        anki.closeWhileRunning = true;

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(server.reports).isEmpty();
        assertThat(server.givenBack).containsExactly("t1");
        assertThat(board.current().anki().state()).isEqualTo(SideState.UNREACHABLE);
    }

    @Test
    void workTheAgentCannotRunIsReportedAsFailedRatherThanClaimedForever() {
        server.pending.add(new SyncWork("t1", "reticulate", 2, null));

        loop(Duration.ofMinutes(1)).runOnce();

        assertThat(server.reports).containsExactly("t1: 0 ok, 2 failed");
        assertThat(board.current().lastSync().failures().getFirst()).contains("could not run this task");
    }

    @Test
    void aServerThatIsDownIsShownAndTriedAgainLater() {
        server.down = true;

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isTrue();
        assertThat(board.current().server().state()).isEqualTo(SideState.UNREACHABLE);
        assertThat(loginRequests).isEmpty();
    }

    @Test
    void aLostLoginStopsTheLoopAndAsksForANewOne() {
        server.loginGone = true;

        boolean goOn = loop(Duration.ofMinutes(1)).runOnce();

        assertThat(goOn).isFalse();
        assertThat(board.current().server().state()).isEqualTo(SideState.LOGIN_REQUIRED);
        assertThat(loginRequests).hasSize(1);
    }

    @Test
    void pollsAgainEveryIntervalAndShowsWhen() throws InterruptedException {
        CountDownLatch threeRounds = new CountDownLatch(3);
        server.onClaim = threeRounds::countDown;
        try (AgentLoop loop = loop(Duration.ofMillis(100))) {
            loop.start();

            assertThat(threeRounds.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(board.current().nextPoll()).isEqualTo(clock.instant().plusMillis(100));
            loop.stop();
            assertThat(board.current().nextPoll()).isNull();
        }
    }

    @Test
    void syncNowDoesNotWaitForTheInterval() throws InterruptedException {
        CountDownLatch twoRounds = new CountDownLatch(2);
        server.onClaim = twoRounds::countDown;
        try (AgentLoop loop = loop(Duration.ofHours(1))) {
            loop.start();
            Thread.sleep(200);
            loop.pollNow();

            assertThat(twoRounds.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static final class QueueOfWork implements SyncWorkSource {
        final Deque<SyncWork> pending = new ArrayDeque<>();
        final List<String> reports = new ArrayList<>();
        final List<String> givenBack = new ArrayList<>();
        int loginChecks;
        volatile boolean down;
        volatile boolean loginGone;
        volatile Runnable onClaim = () -> { };

        @Override
        public void checkLogin() {
            failIfAsked();
            loginChecks++;
        }

        @Override
        public synchronized Optional<SyncWork> claim() {
            failIfAsked();
            onClaim.run();
            return Optional.ofNullable(pending.poll());
        }

        @Override
        public synchronized void report(SyncWork work, SyncOutcome outcome) {
            reports.add(work.id() + ": " + outcome.succeeded() + " ok, " + outcome.failed() + " failed");
        }

        @Override
        public synchronized void giveBack(SyncWork work, String reason) {
            givenBack.add(work.id());
        }

        private void failIfAsked() {
            if (down) {
                throw new ServerUnreachableException("Cannot reach the server", null);
            }
            if (loginGone) {
                throw new LoginRequiredException("The server no longer accepts this agent's login; log in again.");
            }
        }
    }

    private static final class ScriptedAnki implements AnkiProbe, SyncWorkRunner {
        final List<SyncWork> ran = new ArrayList<>();
        boolean open = true;
        boolean closeWhileRunning;
        int failNotes;

        @Override
        public int version() {
            if (!open) {
                throw new AnkiUnavailableException("AnkiConnect does not answer (is Anki open with the AnkiConnect add-on?)", null);
            }
            return 6;
        }

        @Override
        public SyncOutcome run(SyncWork work) {
            if (closeWhileRunning) {
                throw new AnkiUnavailableException("AnkiConnect stopped answering", null);
            }
            if (!List.of("push", "pull").contains(work.kind())) {
                throw new IllegalArgumentException("unknown kind " + work.kind());
            }
            ran.add(work);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < failNotes; i++) {
                failures.add("card " + (i + 1) + ": cannot create note because it is a duplicate");
            }
            return new SyncOutcome(work.items() - failNotes, failNotes, failures, null);
        }
    }
}
