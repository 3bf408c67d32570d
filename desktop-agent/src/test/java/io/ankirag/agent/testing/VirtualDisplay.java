package io.ankirag.agent.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An Xvfb X server on a display number it picks itself ({@code -displayfd}), for rendering the agent's window in
 * tests. A machine without Xvfb fails the test with how to install it: the window test is never skipped.
 */
public final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    public static VirtualDisplay start() throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/bin/Xvfb"), Path.of("/usr/local/bin/Xvfb")).stream()
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("Xvfb is not installed, so the agent's window cannot be"
                        + " rendered: run scripts/infra.sh up --for-tests (it installs Debian's xvfb)"));
        Process process = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", "1024x768x24",
                "-nolisten", "tcp", "-noreset")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = number.get(20, TimeUnit.SECONDS);
            if (line == null || !line.strip().matches("\\d+")) {
                throw new IllegalStateException("Xvfb did not start (exit " + (process.isAlive() ? "?" : process.exitValue())
                        + "); no display for the agent's window");
            }
            return new VirtualDisplay(process, ":" + line.strip());
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not report a display within 20 s", e);
        }
    }

    /** The value for {@code DISPLAY}. */
    public String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
