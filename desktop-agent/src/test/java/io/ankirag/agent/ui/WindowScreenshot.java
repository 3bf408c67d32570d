package io.ankirag.agent.ui;

import com.formdev.flatlaf.FlatLightLaf;
import io.ankirag.agent.loop.AgentStatus;
import io.ankirag.agent.loop.AgentStatus.LastSync;
import io.ankirag.agent.loop.AgentStatus.Side;
import io.ankirag.agent.loop.AgentStatus.SideState;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Run in a JVM of its own on a virtual display (AWT reads {@code DISPLAY} once): shows the agent's window with a known
 * status, lets it paint, and captures it from the X screen with {@link Robot}, as a user would see it.
 *
 * <pre>java -cp ... io.ankirag.agent.ui.WindowScreenshot OUT.png</pre>
 */
public final class WindowScreenshot {

    static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    public static void main(String[] args) throws Exception {
        FlatLightLaf.setup();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AtomicReference<JFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            AgentWindow window = new AgentWindow("https://anki.example.org", "http://127.0.0.1:8765",
                    new AgentWindow.Actions() {
                        @Override
                        public void syncNow() {
                        }

                        @Override
                        public void logIn() {
                        }

                        @Override
                        public void logOut() {
                        }
                    }, clock, ZoneOffset.UTC);
            window.showTokenStore("encrypted file ~/.config/ankirag-agent/refresh-token-3f2a.enc");
            window.show(new AgentStatus(new Side(SideState.CONNECTED, "logged in"),
                    new Side(SideState.CONNECTED, "AnkiConnect version 6"),
                    new LastSync(NOW.minusSeconds(42), "0b7c1d2e", "push", 48, 2, List.of(
                            "Photosynthesis (card 1f0e): cannot create note because it is a duplicate",
                            "Krebs cycle (card 9a4c): cannot create note because it is empty")),
                    NOW.plusSeconds(18)));
            window.frame().setLocation(40, 40);
            window.frame().setVisible(true);
            frame.set(window.frame());
        });
        Thread.sleep(1500);
        Rectangle[] bounds = new Rectangle[1];
        SwingUtilities.invokeAndWait(() -> bounds[0] = frame.get().getBounds());
        BufferedImage shot = new Robot().createScreenCapture(bounds[0]);
        ImageIO.write(shot, "png", new File(args[0]));
        System.out.println("window " + bounds[0].width + "x" + bounds[0].height);
        System.exit(0);
    }
}
