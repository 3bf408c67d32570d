package io.ankirag.agent;

import com.formdev.flatlaf.FlatLightLaf;
import io.ankirag.agent.config.AgentConfig;
import io.ankirag.agent.config.AgentConfigLoader;
import io.ankirag.agent.config.ConfigException;
import io.ankirag.agent.loop.AgentLoop;
import io.ankirag.agent.loop.ConsoleStatusLog;
import io.ankirag.agent.loop.StatusBoard;
import io.ankirag.agent.server.LoginRequiredException;
import io.ankirag.agent.server.ServerRequestException;
import io.ankirag.agent.server.ServerSession;
import io.ankirag.agent.server.ServerUnreachableException;
import io.ankirag.agent.token.RefreshTokenStore;
import io.ankirag.agent.token.TokenStoreException;
import io.ankirag.agent.token.TokenStores;
import io.ankirag.agent.ui.AgentTray;
import io.ankirag.agent.ui.AgentWindow;
import io.ankirag.agent.ui.LoginDialog;
import io.ankirag.agent.work.AnkiConnectVersionProbe;
import java.awt.GraphicsEnvironment;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The AnkiRAG desktop agent: logs in to the server, claims the sync work meant for this user's Anki, runs it
 * through the local AnkiConnect and reports back. A compact window with a tray icon, or {@code --no-gui} with log
 * lines on stdout.
 *
 * <p>Exit codes of {@code --no-gui}: 0 stopped, 2 bad configuration, 3 a login is needed (none stored, or the server
 * no longer takes it), 4 the token store failed.
 */
public final class DesktopAgent {

    static final int EXIT_CONFIG = 2;
    static final int EXIT_LOGIN_REQUIRED = 3;
    static final int EXIT_TOKEN_STORE = 4;
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ANKI_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final StatusBoard board = new StatusBoard();
    private final ConsoleStatusLog log;

    DesktopAgent(AgentConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.log = new ConsoleStatusLog(out, clock);
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(AgentConfigLoader.usage());
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfigLoader.ofThisProcess().load(args);
        } catch (ConfigException e) {
            System.err.println("ankirag-agent: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        // Log lines in UTF-8 whatever the locale: card texts are rarely ASCII, and the log usually goes to a file.
        DesktopAgent agent = new DesktopAgent(config,
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        if (!config.gui()) {
            System.exit(agent.runHeadless(System.getenv(), System.console()));
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("ankirag-agent: no display to open the window on; run with --no-gui");
            System.exit(EXIT_CONFIG);
        }
        agent.runWindow();
    }

    // ------------------------------------------------------------------ --no-gui

    /** Runs until stopped (SIGTERM, Ctrl-C) or until the server wants a new login; returns the exit code. */
    int runHeadless(Map<String, String> environment, Console console) {
        if (config.serverUrl() == null) {
            out.println("ankirag-agent: no server to talk to: set --server-url, ANKIRAG_SERVER_URL or server.url in "
                    + config.configDir().resolve(AgentConfigLoader.CONFIG_FILE));
            return EXIT_CONFIG;
        }
        ServerSession session;
        try {
            session = session(config.serverUrl());
            if (!session.hasStoredLogin()) {
                int code = logInFromTheEnvironment(session, environment, console);
                if (code != 0) {
                    return code;
                }
            }
        } catch (TokenStoreException e) {
            out.println("ankirag-agent: " + e.getMessage());
            return EXIT_TOKEN_STORE;
        }
        CompletableFuture<String> loginLost = new CompletableFuture<>();
        board.subscribe(log);
        AgentLoop loop = loop(session, loginLost::complete);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.close();
            log.log("stopped");
        }));
        loop.start();
        String why = loginLost.join();
        loop.close();
        out.println("ankirag-agent: " + why + " Run it again with ANKIRAG_EMAIL and ANKIRAG_PASSWORD set (or from"
                + " a terminal, which asks for the password), or log in from the window.");
        return EXIT_LOGIN_REQUIRED;
    }

    private int logInFromTheEnvironment(ServerSession session, Map<String, String> environment, Console console) {
        String email = config.email();
        char[] password = Optional.ofNullable(environment.get("ANKIRAG_PASSWORD")).filter(p -> !p.isEmpty())
                .map(String::toCharArray).orElse(null);
        if (password == null && console != null) {
            if (email == null) {
                email = console.readLine("AnkiRAG account (email) at %s: ", config.serverUrl());
            }
            password = console.readPassword("Password for %s: ", email);
        }
        if (email == null || email.isBlank() || password == null || password.length == 0) {
            out.println("ankirag-agent: not logged in to " + config.serverUrl() + ". Log in once: set --email (or"
                    + " ANKIRAG_EMAIL) and ANKIRAG_PASSWORD, or run from a terminal, which asks for them.");
            return EXIT_LOGIN_REQUIRED;
        }
        try {
            session.logIn(email, password);
        } catch (LoginRequiredException | ServerUnreachableException | ServerRequestException e) {
            out.println("ankirag-agent: " + e.getMessage());
            return EXIT_LOGIN_REQUIRED;
        } finally {
            Arrays.fill(password, '\0');
        }
        AgentConfigLoader.rememberLogin(config.configDir(), config.serverUrl(), email);
        log.log("logged in to " + config.serverUrl() + " as " + email + "; login kept in "
                + session.tokenStore().describe());
        return 0;
    }

    // ------------------------------------------------------------------ window

    private AgentWindow window;
    private AgentTray tray;
    private ServerSession currentSession;
    private AgentLoop currentLoop;

    private void runWindow() {
        FlatLightLaf.setup();
        board.subscribe(log);
        SwingUtilities.invokeLater(() -> {
            URI server = config.serverUrl();
            window = new AgentWindow(server == null ? "(not set)" : server.toString(),
                    config.ankiConnectUrl().toString(), new WindowActions(), clock, ZoneId.systemDefault());
            board.subscribe(window::show);
            tray = AgentTray.install(this::showWindow, this::syncNow, this::quit).orElse(null);
            if (tray != null) {
                board.subscribe(tray::show);
                window.frame().setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
            } else {
                window.frame().setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
                window.frame().addWindowListener(new java.awt.event.WindowAdapter() {
                    @Override
                    public void windowClosing(java.awt.event.WindowEvent e) {
                        quit();
                    }
                });
            }
            window.frame().setVisible(true);
            boolean started = false;
            if (server != null) {
                try {
                    ServerSession session = session(server);
                    if (session.hasStoredLogin()) {
                        startLoop(session);
                        started = true;
                    }
                } catch (TokenStoreException e) {
                    log.log(e.getMessage());
                }
            }
            if (!started) {
                window.showLoggedOut();
                askForLogin(null);
            }
        });
    }

    private final class WindowActions implements AgentWindow.Actions {
        @Override
        public void syncNow() {
            DesktopAgent.this.syncNow();
        }

        @Override
        public void logIn() {
            askForLogin(null);
        }

        @Override
        public void logOut() {
            AgentLoop loop = currentLoop;
            ServerSession session = currentSession;
            currentLoop = null;
            window.showLoggedOut();
            Thread.ofVirtual().start(() -> {
                if (loop != null) {
                    loop.close();
                }
                if (session != null) {
                    session.logOut();
                    log.log("logged out of " + session.serverUrl());
                }
            });
        }
    }

    private void askForLogin(String why) {
        if (why != null) {
            log.log(why);
        }
        URI server = currentSession != null ? currentSession.serverUrl() : config.serverUrl();
        LoginDialog.ask(window.frame(), server == null ? "" : server.toString(), config.email(), credentials -> {
            try {
                URI url = AgentConfigLoader.serverUrl(credentials.serverUrl());
                ServerSession session = session(url);
                session.logIn(credentials.email(), credentials.password());
                AgentConfigLoader.rememberLogin(config.configDir(), url, credentials.email());
                log.log("logged in to " + url + " as " + credentials.email() + "; login kept in "
                        + session.tokenStore().describe());
                SwingUtilities.invokeLater(() -> startLoop(session));
                return null;
            } catch (ConfigException | LoginRequiredException | ServerUnreachableException | ServerRequestException
                     | TokenStoreException e) {
                return e.getMessage();
            }
        });
    }

    private void startLoop(ServerSession session) {
        if (currentLoop != null) {
            currentLoop.close();
        }
        currentSession = session;
        window.showServer(session.serverUrl().toString());
        window.showLoggedIn();
        window.showTokenStore(session.tokenStore().describe());
        currentLoop = loop(session, why -> SwingUtilities.invokeLater(() -> askForLogin(why)));
        currentLoop.start();
    }

    private void syncNow() {
        if (currentLoop != null) {
            currentLoop.pollNow();
        }
    }

    private void showWindow() {
        window.frame().setVisible(true);
        window.frame().toFront();
    }

    private void quit() {
        if (currentLoop != null) {
            currentLoop.close();
        }
        if (tray != null) {
            tray.remove();
        }
        window.frame().dispose();
        System.exit(0);
    }

    // ------------------------------------------------------------------ parts

    private ServerSession session(URI serverUrl) {
        RefreshTokenStore tokens = TokenStores.forServer(config, serverUrl);
        return new ServerSession(serverUrl, tokens, http, SERVER_TIMEOUT, clock);
    }

    private AgentLoop loop(ServerSession session, java.util.function.Consumer<String> onLoginRequired) {
        SyncWorkParts parts = SyncWorkParts.of(config, session);
        return new AgentLoop(parts.source(), parts.runner(),
                new AnkiConnectVersionProbe(config.ankiConnectUrl(), config.ankiConnectKey(), http, ANKI_PROBE_TIMEOUT),
                board, config.pollInterval(), clock, onLoginRequired);
    }
}
