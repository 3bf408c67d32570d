package io.ankirag.agent.ui;

import java.awt.Robot;
import java.awt.event.KeyEvent;

/**
 * Types into whatever window has the focus on the X screen named by {@code DISPLAY}, from a JVM of its own, as a
 * user at the keyboard: the text, then Enter. Lower-case letters, digits and '-' only.
 *
 * <pre>java -cp ... io.ankirag.agent.ui.KeyboardInput TEXT</pre>
 */
public final class KeyboardInput {

    public static void main(String[] args) throws Exception {
        Robot robot = new Robot();
        robot.setAutoDelay(30);
        for (char c : args[0].toCharArray()) {
            int key = c == '-' ? KeyEvent.VK_MINUS : KeyEvent.getExtendedKeyCodeForChar(Character.toUpperCase(c));
            robot.keyPress(key);
            robot.keyRelease(key);
        }
        robot.keyPress(KeyEvent.VK_ENTER);
        robot.keyRelease(KeyEvent.VK_ENTER);
        robot.waitForIdle();
        System.exit(0);
    }
}
