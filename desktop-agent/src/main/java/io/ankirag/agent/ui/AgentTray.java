package io.ankirag.agent.ui;

import io.ankirag.agent.loop.AgentStatus;
import io.ankirag.agent.loop.AgentStatus.SideState;
import java.awt.AWTException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;

/** The tray icon, where the desktop has a tray: its colour says whether both sides are connected. */
public final class AgentTray {

    private final TrayIcon icon;

    private AgentTray(TrayIcon icon) {
        this.icon = icon;
    }

    /** Installs the icon; empty where the desktop has no tray (then closing the window quits the agent). */
    public static Optional<AgentTray> install(Runnable open, Runnable syncNow, Runnable quit) {
        if (!SystemTray.isSupported()) {
            return Optional.empty();
        }
        PopupMenu menu = new PopupMenu();
        MenuItem openItem = new MenuItem("Open");
        openItem.addActionListener(e -> open.run());
        MenuItem syncItem = new MenuItem("Sync now");
        syncItem.addActionListener(e -> syncNow.run());
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.addActionListener(e -> quit.run());
        menu.add(openItem);
        menu.add(syncItem);
        menu.addSeparator();
        menu.add(quitItem);
        TrayIcon icon = new TrayIcon(image(Color.GRAY), "AnkiRAG agent", menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> open.run());
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException noTray) {
            return Optional.empty();
        }
        return Optional.of(new AgentTray(icon));
    }

    public void show(AgentStatus status) {
        boolean allConnected = status.server().state() == SideState.CONNECTED && status.anki().state() == SideState.CONNECTED;
        boolean loginLost = status.server().state() == SideState.LOGIN_REQUIRED;
        icon.setImage(image(allConnected ? new Color(0x2e, 0xa0, 0x43)
                : loginLost ? new Color(0xcf, 0x22, 0x2e) : new Color(0xd9, 0x8c, 0x1f)));
        icon.setToolTip("AnkiRAG agent\nServer: " + status.server().state() + "\nAnki: " + status.anki().state()
                + (status.lastSync() == null ? "" : "\nLast sync: " + status.lastSync().summary()));
    }

    public void remove() {
        SystemTray.getSystemTray().remove(icon);
    }

    private static BufferedImage image(Color color) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f, 0x4e, 0x8c));
        g.fillRoundRect(2, 4, 22, 26, 6, 6);
        g.setColor(Color.WHITE);
        g.fillRoundRect(6, 8, 14, 4, 2, 2);
        g.fillRoundRect(6, 15, 10, 3, 2, 2);
        g.setColor(color);
        g.fillOval(17, 17, 14, 14);
        g.dispose();
        return image;
    }
}
