package io.ankirag.bootstrap.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Anki and two independent package writers, as test peers (issue 5). On first use in a test JVM it
 * creates a Python virtual environment with the pinned {@code anki} (Anki desktop's Rust core) and {@code genanki}
 * from {@code src/test/python/requirements.txt}, installs the pinned {@code anki-apkg-export} from
 * {@code src/test/node/package-lock.json}, both under {@code target/anki-peer} and kept there while their pins stay
 * the same, then has all three write fresh packages. Anything missing (python3 with venv, node, npm, the package
 * registries) fails the calling test with the tool's own output: the peer is never silently skipped.
 */
final class AnkiPeer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static AnkiPeer instance;

    private final Path sources;
    private final Path nodeSources;
    private final Path home;
    private final Path python;
    private final Path nodeProject;
    private final Path packages;
    private final ObjectNode manifests = JSON.createObjectNode();

    private AnkiPeer(Path module) {
        this.sources = module.resolve("src/test/python");
        this.nodeSources = module.resolve("src/test/node");
        this.home = module.resolve("target/anki-peer");
        this.python = home.resolve("venv/bin/python");
        this.nodeProject = home.resolve("node");
        this.packages = home.resolve("packages");
    }

    /** The peer, set up and with its packages written; the first call takes a few seconds (minutes on a cold cache). */
    static synchronized AnkiPeer get() {
        if (instance == null) {
            Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
            AnkiPeer peer = new AnkiPeer(module);
            long start = System.nanoTime();
            try {
                peer.setUp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.printf("[anki-peer] ready in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, peer.packageNames());
            instance = peer;
        }
        return instance;
    }

    /**
     * The peer's Python, with the pinned {@code anki} installed (but no packages written), for the AnkiConnect peer
     * of issue 8.
     */
    static synchronized Path python() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        AnkiPeer peer = instance != null ? instance : new AnkiPeer(module);
        try {
            Files.createDirectories(peer.home);
            try (FileChannel lockFile = FileChannel.open(peer.home.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                peer.ensurePython();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return peer.python;
    }

    /** Runs one of the peer's Python scripts with its arguments; the last JSON line it prints. */
    static JsonNode runScript(String script, String... arguments) {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        AnkiPeer peer = instance != null ? instance : new AnkiPeer(module);
        List<String> command = new ArrayList<>(List.of(python().toString(), peer.sources.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return peer.run(command.toArray(String[]::new));
    }

    /** Every package the writers produced, by file name; each one's manifest says what it holds. */
    List<String> packageNames() {
        List<String> names = new ArrayList<>();
        manifests.fieldNames().forEachRemaining(names::add);
        return names;
    }

    Path packageFile(String name) {
        return packages.resolve(name);
    }

    /**
     * What the writer put into the package: {@code format}, {@code kind} (apkg, colpkg), {@code notes} (id and guid
     * where the writer fixes them, note_type, fields, tags, cards with ordinal and deck path), {@code note_types},
     * {@code card_decks}, {@code decks} (every deck, where the writer says) and {@code media} (name to SHA-1).
     */
    JsonNode manifest(String name) {
        return manifests.get(name);
    }

    /** Imports the package into Anki's collection at {@code collection} (created when missing), as Anki desktop does. */
    JsonNode importInto(Path collection, Path pkg) {
        return run(python.toString(), sources.resolve("anki_peer.py").toString(), "import", collection.toString(),
                pkg.toString());
    }

    /** Has Anki export the whole collection as an .apkg: the latest format, or the one older versions read. */
    JsonNode exportFrom(Path collection, Path target, boolean legacy) {
        List<String> command = new ArrayList<>(List.of(python.toString(), sources.resolve("anki_peer.py").toString(),
                "export", collection.toString(), target.toString()));
        if (legacy) {
            command.add("--legacy");
        }
        return run(command.toArray(String[]::new));
    }

    /**
     * A copy, in {@code folder}, of the collection the generated Anki packages were exported from (with its media):
     * the user's own Anki, which the decks they import here came from.
     */
    Path copyOfGeneratedCollection(Path folder) {
        Path source = packages.resolve("collection");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = folder.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve("peer.anki2");
    }

    JsonNode contents(Path collection) {
        return run(python.toString(), sources.resolve("anki_peer.py").toString(), "contents", collection.toString());
    }

    private void setUp() throws IOException {
        Files.createDirectories(home);
        try (FileChannel lockFile = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            ensurePython();
            ensureNode();
            writePackages();
        }
    }

    private void ensurePython() throws IOException {
        Path requirements = sources.resolve("requirements.txt");
        Path venv = home.resolve("venv");
        Path stamp = venv.resolve("ankirag-requirements.sha256");
        String wanted = sha256(requirements);
        if (Files.isExecutable(python) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(wanted)) {
            return;
        }
        deleteRecursively(venv);
        exec(INSTALL_TIMEOUT, home, "python3", "-m", "venv", venv.toString());
        exec(INSTALL_TIMEOUT, home, python.toString(), "-m", "pip", "install", "--disable-pip-version-check",
                "--no-input", "--quiet", "-r", requirements.toString());
        Files.writeString(stamp, wanted);
    }

    private void ensureNode() throws IOException {
        Path lock = nodeSources.resolve("package-lock.json");
        Path stamp = nodeProject.resolve("ankirag-package-lock.sha256");
        String wanted = sha256(lock);
        Files.createDirectories(nodeProject);
        for (String file : List.of("package.json", "package-lock.json", "apkg_export_writer.js")) {
            Files.copy(nodeSources.resolve(file), nodeProject.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(nodeProject.resolve("node_modules/anki-apkg-export")) && Files.isRegularFile(stamp)
                && Files.readString(stamp).equals(wanted)) {
            return;
        }
        Files.deleteIfExists(stamp);
        exec(INSTALL_TIMEOUT, nodeProject, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                "--loglevel=error");
        Files.writeString(stamp, wanted);
    }

    /** Fresh packages on every run: writing them takes seconds, and a stale package would test an old peer. */
    private void writePackages() throws IOException {
        deleteRecursively(packages);
        Files.createDirectories(packages);
        exec(RUN_TIMEOUT, sources, python.toString(), sources.resolve("anki_peer.py").toString(), "generate",
                packages.toString());
        exec(RUN_TIMEOUT, sources, python.toString(), sources.resolve("genanki_writer.py").toString(),
                packages.toString());
        exec(RUN_TIMEOUT, nodeProject, "node", nodeProject.resolve("apkg_export_writer.js").toString(),
                packages.toString());
        for (String manifest : List.of("manifest.json", "genanki-manifest.json", "anki-apkg-export-manifest.json")) {
            JsonNode written = JSON.readTree(packages.resolve(manifest).toFile());
            written.path("packages").properties().forEach(entry -> manifests.set(entry.getKey(), entry.getValue()));
        }
    }

    private JsonNode run(String... command) {
        try {
            String out = exec(RUN_TIMEOUT, sources, command);
            List<String> lines = out.lines().filter(line -> line.startsWith("{")).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException("the Anki peer answered no JSON to " + String.join(" ", command)
                        + ":\n" + out);
            }
            return JSON.readTree(lines.getLast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end; its standard output, or an exception with both outputs when it fails. */
    private String exec(Duration timeout, Path directory, String... command) throws IOException {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path out = Files.createTempFile(logs, "out-", ".txt");
        Path err = Files.createTempFile(logs, "err-", ".txt");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PYTHONUTF8", "1");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = builder.start();
        } catch (IOException notFound) {
            throw new IllegalStateException("The Anki peer cannot run " + command[0] + " (" + notFound.getMessage()
                    + "). It needs python3 with venv, node and npm: `scripts/infra.sh up` installs them on Debian.",
                    notFound);
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The Anki peer's " + String.join(" ", command) + " ran past " + timeout
                        + ":\n" + tail(err));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Anki peer ran", e);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("The Anki peer's " + String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + ":\n" + tail(err) + "\n" + output);
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return output;
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
