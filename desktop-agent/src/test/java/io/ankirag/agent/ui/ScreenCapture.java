package io.ankirag.agent.ui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Captures the whole X screen named by {@code DISPLAY} into a PNG, from a JVM of its own (AWT reads {@code DISPLAY}
 * once per JVM): how a test sees a window that another process shows.
 *
 * <pre>java -cp ... io.ankirag.agent.ui.ScreenCapture OUT.png</pre>
 */
public final class ScreenCapture {

    public static void main(String[] args) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
        System.exit(0);
    }
}
