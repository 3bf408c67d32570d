package io.ankirag.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerSessionTest {

    private FakeAnkiRagServer server;
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws IOException {
        server = new FakeAnkiRagServer("me@example.com", "secret-password");
        server.route("GET /api/users/me", request -> JsonNodeFactory.instance.objectNode().put("email", "me@example.com"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerSession session() {
        return new ServerSession(server.url(), tokens, HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);
    }

    @Test
    void logsInOnceThenKeepsOnlyTheRefreshToken() {
        ServerSession session = session();

        session.logIn("me@example.com", "secret-password".toCharArray());

        assertThat(tokens.load()).hasValueSatisfying(token -> assertThat(server.knowsRefreshToken(token)).isTrue());
        assertThat(session.get("/api/users/me").path("email").asText()).isEqualTo("me@example.com");
    }

    @Test
    void aWrongPasswordIsALoginFailureAndStoresNothing() {
        assertThatThrownBy(() -> session().logIn("me@example.com", "wrong".toCharArray()))
                .isInstanceOf(LoginRequiredException.class).hasMessageContaining("AUTH_001");
        assertThat(tokens.load()).isEmpty();
    }

    @Test
    void aNewRunStartsFromTheStoredRefreshTokenAndStoresItsSuccessor() {
        session().logIn("me@example.com", "secret-password".toCharArray());
        String first = tokens.load().orElseThrow();

        ServerSession nextRun = session();
        nextRun.get("/api/users/me");

        String second = tokens.load().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(server.knowsRefreshToken(first)).isFalse();
        assertThat(server.knowsRefreshToken(second)).isTrue();
    }

    @Test
    void refreshesSilentlyShortlyBeforeTheAccessTokenExpires() {
        server.accessTokensLast(120);
        ServerSession session = session();
        session.logIn("me@example.com", "secret-password".toCharArray());
        session.get("/api/users/me");
        assertThat(server.refreshes.get()).isZero();

        clock.advance(Duration.ofSeconds(100));
        session.get("/api/users/me");

        assertThat(server.refreshes.get()).isEqualTo(1);
    }

    @Test
    void refreshesSilentlyAfterA401AndRetriesTheRequestOnce() {
        ServerSession session = session();
        session.logIn("me@example.com", "secret-password".toCharArray());
        server.expireAccessTokens();

        assertThat(session.get("/api/users/me").path("email").asText()).isEqualTo("me@example.com");
        assertThat(server.refreshes.get()).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshForgetsTheLoginAndAsksForANewOne() {
        ServerSession session = session();
        session.logIn("me@example.com", "secret-password".toCharArray());
        server.revokeAllSessions();

        assertThatThrownBy(() -> session.get("/api/users/me")).isInstanceOf(LoginRequiredException.class)
                .hasMessageContaining("log in again");
        assertThat(tokens.load()).isEmpty();
    }

    @Test
    void aStoredLoginThatCannotBeReadCountsAsNoneAndIsDropped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        var file = new io.ankirag.agent.token.EncryptedFileTokenStore(dir, server.url());
        file.save("rt-from-another-machine");
        java.nio.file.Files.write(dir.resolve("machine.secret"), new byte[32]);
        ServerSession session = new ServerSession(server.url(), file, HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);

        assertThat(session.hasStoredLogin()).isFalse();
        assertThat(file.tokenFile()).doesNotExist();
    }

    @Test
    void withoutAStoredLoginEveryCallAsksForOne() {
        assertThatThrownBy(() -> session().get("/api/users/me")).isInstanceOf(LoginRequiredException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aServerThatIsDownKeepsTheLoginForLater() {
        session().logIn("me@example.com", "secret-password".toCharArray());
        String stored = tokens.load().orElseThrow();
        ServerSession session = new ServerSession(URI.create("http://127.0.0.1:1"), tokens, HttpClient.newHttpClient(),
                Duration.ofSeconds(2), clock);

        assertThatThrownBy(() -> session.get("/api/users/me")).isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("Cannot reach http://127.0.0.1:1");
        assertThat(tokens.load()).contains(stored);
    }

    @Test
    void loggingOutRevokesTheRefreshTokenOnTheServerAndForgetsIt() {
        ServerSession session = session();
        session.logIn("me@example.com", "secret-password".toCharArray());
        String stored = tokens.load().orElseThrow();

        session.logOut();

        assertThat(tokens.load()).isEmpty();
        assertThat(server.knowsRefreshToken(stored)).isFalse();
        assertThatThrownBy(() -> session.get("/api/users/me")).isInstanceOf(LoginRequiredException.class);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T18:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
