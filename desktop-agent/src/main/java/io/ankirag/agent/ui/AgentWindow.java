package io.ankirag.agent.ui;

import io.ankirag.agent.loop.AgentStatus;
import io.ankirag.agent.loop.AgentStatus.LastSync;
import io.ankirag.agent.loop.AgentStatus.Side;
import io.ankirag.agent.loop.AgentStatus.SideState;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/** The compact window: both sides' status, the last sync with its failures, the next poll, and three buttons. */
public final class AgentWindow {

    /** What the buttons ask of the agent. */
    public interface Actions {
        void syncNow();

        void logIn();

        void logOut();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JFrame frame = new JFrame("AnkiRAG agent");
    private final JLabel server = new JLabel();
    private final JLabel serverAddress = new JLabel();
    private final JLabel anki = new JLabel();
    private final JLabel lastSync = new JLabel();
    private final JLabel nextPoll = new JLabel();
    private final JTextArea failures = new JTextArea(4, 36);
    private final JLabel tokenStore = new JLabel();
    private final JButton syncNow = new JButton("Sync now");
    private final JButton logInOrOut = new JButton("Log out");
    private final Clock clock;
    private final ZoneId zone;
    private AgentStatus status = AgentStatus.INITIAL;
    private boolean loggedIn = true;
    private boolean loggedOut;

    public AgentWindow(String serverUrl, String ankiConnectUrl, Actions actions, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel rows = new JPanel(new GridBagLayout());
        rows.setBorder(BorderFactory.createEmptyBorder(12, 14, 6, 14));
        serverAddress.setText(serverUrl);
        addRow(rows, 0, "Server", serverAddress, server);
        addRow(rows, 2, "Anki", new JLabel(ankiConnectUrl), anki);
        addRow(rows, 4, "Last sync", null, lastSync);
        addRow(rows, 5, "Next poll", null, nextPoll);
        failures.setEditable(false);
        failures.setLineWrap(true);
        failures.setWrapStyleWord(true);
        failures.setFont(failures.getFont().deriveFont(Font.PLAIN, failures.getFont().getSize2D() - 1));
        GridBagConstraints scroll = constraints(0, 6);
        scroll.gridwidth = 2;
        scroll.fill = GridBagConstraints.BOTH;
        scroll.weighty = 1;
        rows.add(new JScrollPane(failures), scroll);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 8));
        tokenStore.setFont(tokenStore.getFont().deriveFont(tokenStore.getFont().getSize2D() - 2));
        tokenStore.setForeground(Color.GRAY);
        syncNow.addActionListener(e -> actions.syncNow());
        logInOrOut.addActionListener(e -> {
            if (loggedIn) {
                actions.logOut();
            } else {
                actions.logIn();
            }
        });
        buttons.add(syncNow);
        buttons.add(logInOrOut);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(0, 14, 0, 6));
        bottom.add(tokenStore, BorderLayout.NORTH);
        bottom.add(buttons, BorderLayout.EAST);

        frame.getContentPane().add(rows, BorderLayout.CENTER);
        frame.getContentPane().add(bottom, BorderLayout.SOUTH);
        render();
        frame.pack();
        frame.setMinimumSize(frame.getSize());
        frame.setLocationRelativeTo(null);
        // The "next poll in 12 s" countdown.
        new Timer(1000, e -> renderNextPoll()).start();
    }

    public JFrame frame() {
        return frame;
    }

    /** Call from any thread. */
    public void show(AgentStatus next) {
        SwingUtilities.invokeLater(() -> {
            status = next;
            loggedIn = !loggedOut && next.server().state() != SideState.LOGIN_REQUIRED;
            render();
        });
    }

    /** After a login to another server. */
    public void showServer(String url) {
        SwingUtilities.invokeLater(() -> serverAddress.setText(url));
    }

    public void showTokenStore(String where) {
        SwingUtilities.invokeLater(() -> {
            tokenStore.setText("Login kept in " + where);
            tokenStore.setToolTipText(tokenStore.getText());
        });
    }

    /** Switches the second button to "Log in…" (after logging out, or when the server wants a new login). */
    public void showLoggedOut() {
        SwingUtilities.invokeLater(() -> {
            loggedOut = true;
            loggedIn = false;
            render();
        });
    }

    /** After a login: the status decides the buttons again. */
    public void showLoggedIn() {
        SwingUtilities.invokeLater(() -> {
            loggedOut = false;
            loggedIn = status.server().state() != SideState.LOGIN_REQUIRED;
            render();
        });
    }

    private void render() {
        showSide(server, status.server());
        showSide(anki, status.anki());
        LastSync sync = status.lastSync();
        if (sync == null) {
            lastSync.setText("none yet");
            failures.setText("");
        } else {
            lastSync.setText("<html>" + escape(sync.summary()) + " <font color=gray>at "
                    + TIME.format(sync.finished().atZone(zone)) + "</font></html>");
            failures.setText(sync.failures().isEmpty() ? "No failures." : String.join("\n", sync.failures()));
            failures.setCaretPosition(0);
        }
        renderNextPoll();
        logInOrOut.setText(loggedIn ? "Log out" : "Log in…");
        syncNow.setEnabled(loggedIn);
    }

    private void renderNextPoll() {
        Instant when = status.nextPoll();
        if (when == null) {
            nextPoll.setText("stopped");
            return;
        }
        long seconds = Math.max(0, Duration.between(clock.instant(), when).toSeconds());
        nextPoll.setText("in " + seconds + " s (" + TIME.format(when.atZone(zone)) + ")");
    }

    private static void showSide(JLabel label, Side side) {
        label.setIcon(new Dot(switch (side.state()) {
            case CONNECTED -> new Color(0x2e, 0xa0, 0x43);
            case UNREACHABLE -> new Color(0xd9, 0x8c, 0x1f);
            case REFUSED, LOGIN_REQUIRED -> new Color(0xcf, 0x22, 0x2e);
            case UNKNOWN -> Color.GRAY;
        }));
        label.setText("<html>" + escape(side.detail()) + "</html>");
        label.setToolTipText(side.detail());
    }

    private static void addRow(JPanel panel, int row, String name, JLabel address, JLabel value) {
        JLabel caption = new JLabel(name);
        caption.setFont(caption.getFont().deriveFont(Font.BOLD));
        panel.add(caption, constraints(0, row));
        if (address != null) {
            JLabel where = address;
            where.setForeground(Color.GRAY);
            panel.add(where, constraints(1, row));
            row++;
        }
        GridBagConstraints c = constraints(1, row);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        panel.add(value, c);
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 0, 3, 12);
        return c;
    }

    private static String escape(String text) {
        String plain = text == null ? "" : text;
        if (plain.length() > 160) {
            plain = plain.substring(0, 157) + "…";
        }
        return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A coloured status dot, drawn rather than loaded, so the jar carries no images. */
    record Dot(Color color) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(color);
            g2.fillOval(x + 1, y + 1, 10, 10);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 12;
        }

        @Override
        public int getIconHeight() {
            return 12;
        }
    }
}
