package io.ankirag.agent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.agent.testing.VirtualDisplay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The window rendered on a real (virtual) X display, captured as a screenshot kept in {@code target/}. */
class AgentWindowIT {

    @Test
    void rendersBothSidesTheLastSyncAndItsFailures() throws IOException, InterruptedException {
        Path screenshot = Path.of(System.getProperty("agent.screenshots", "target/agent-screenshots"))
                .toAbsolutePath().resolve("agent-window.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        try (VirtualDisplay display = VirtualDisplay.start()) {
            ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WindowScreenshot.class.getName(), screenshot.toString())
                    .redirectErrorStream(true);
            java.environment().put("DISPLAY", display.display());
            Process process = java.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        }

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isBetween(300, 900);
        assertThat(image.getHeight()).isBetween(180, 700);
        Set<Integer> colours = new HashSet<>();
        boolean green = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                green |= rgb == 0x2EA043;
            }
        }
        assertThat(colours).as("a drawn window, not an empty screen").hasSizeGreaterThan(50);
        assertThat(green).as("the green 'connected' dots").isTrue();
        System.out.println("[agent-window] screenshot " + screenshot);
    }
}
