package io.ankirag.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The agent's shaded jar ({@code target/ankirag-agent.jar}) run as users run it, its output in a file. */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private AgentProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static AgentProcess start(Path output, Map<String, String> environment, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("agent.jar", "target/ankirag-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The agent's jar " + jar + " is missing: run the package phase first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("ANKIRAG_") || name.startsWith("ANKICONNECT_"));
        builder.environment().putAll(environment);
        return new AgentProcess(builder.start(), output);
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Waits until the output has a line that matches; fails with the whole output otherwise. */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output().lines().toList()) {
                if (matching.test(line)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No such line from the agent within " + timeout + ":\n" + output());
    }

    /** @return the exit code, once the agent ended by itself */
    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The agent did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops it as the desktop would (SIGTERM). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
