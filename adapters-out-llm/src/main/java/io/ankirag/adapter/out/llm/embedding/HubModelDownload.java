package io.ankirag.adapter.out.llm.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Downloads a named sentence-embedding model ({@code intfloat/multilingual-e5-small}, say) from a Hugging Face style
 * model hub into its directory, once: a directory that already holds every file is used as it is, with no network.
 * Each file's checksum comes from the hub's file listing ({@code GET /api/models/{repo}/tree/{revision}/{folder}}:
 * the SHA-256 of a Git LFS file, the Git blob SHA-1 of a small one) or, for the ONNX model, from a pin in
 * configuration; a file whose bytes do not match is deleted and start-up stops. Files arrive as {@code .part}
 * and take their name only once verified, so an interrupted download starts that file again.
 */
final class HubModelDownload {

    /** What a model directory must hold, in the hub's layout. */
    static final List<String> FILES = List.of("onnx/model.onnx", "tokenizer.json");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long PROGRESS_EVERY_BYTES = 32L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param hub           the hub's base URL ({@code EMBEDDING_MODEL_HUB_URL})
     * @param repo          {@code owner/name} ({@code EMBEDDING_MODEL_REPO})
     * @param revision      branch, tag or commit ({@code EMBEDDING_MODEL_REVISION})
     * @param modelSha256   a pin for {@code onnx/model.onnx} ({@code EMBEDDING_MODEL_SHA256}); blank trusts the listing
     */
    record Source(URI hub, String repo, String revision, String modelSha256, Duration timeout) {

        Source {
            if (!REPO.matcher(repo).matches()) {
                throw new IllegalStateException("EMBEDDING_MODEL_REPO must be owner/name, like intfloat/multilingual-e5-small; got " + repo);
            }
        }

        /** The model's own name: the part after the owner. */
        String modelName() {
            return repo.substring(repo.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        }
    }

    private final Source source;
    private final HttpClient http;
    private final Consumer<String> progress;

    HubModelDownload(Source source, Consumer<String> progress) {
        this.source = source;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(source.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static boolean complete(Path directory) {
        return FILES.stream().allMatch(file -> Files.isRegularFile(directory.resolve(file)));
    }

    /** Makes sure {@code directory} holds the model's files, downloading those it lacks. */
    void into(Path directory) {
        if (complete(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            for (String file : FILES) {
                Path target = directory.resolve(file);
                if (!Files.isRegularFile(target)) {
                    download(file, target);
                }
            }
        } catch (IOException | InterruptedException unreachable) {
            if (unreachable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot download the embedding model " + source.repo() + " from " + source.hub()
                    + " (" + describe(unreachable) + "). Put its " + String.join(" and ", FILES) + " into " + directory
                    + " yourself (EMBEDDING_MODEL_DIR), or unset EMBEDDING_MODEL_REPO to use the built-in English model.",
                    unreachable);
        }
    }

    private void download(String file, Path target) throws IOException, InterruptedException {
        Checksum expected = expectedChecksum(file);
        URI uri = URI.create(base() + "/" + source.repo() + "/resolve/" + encode(source.revision()) + "/" + file);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(source.timeout()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = expected.digest();
        long received = 0;
        long reported = 0;
        progress.accept("Downloading embedding model " + source.repo() + ": " + file + " (" + megabytes(total) + ")");
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
            if (expected.gitBlob()) {
                digest.update(("blob " + expected.size() + "\0").getBytes(StandardCharsets.US_ASCII));
            }
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                if (received - reported >= PROGRESS_EVERY_BYTES) {
                    reported = received;
                    progress.accept("Downloading embedding model " + source.repo() + ": " + file + " " + megabytes(received)
                            + (total > 0 ? " of " + megabytes(total) + " (" + received * 100 / total + "%)" : ""));
                }
            }
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(part);
            throw failed;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(expected.value())) {
            Files.deleteIfExists(part);
            throw new IllegalStateException("The embedding model file " + source.repo() + "/" + file + " from " + source.hub()
                    + " does not match its checksum (" + expected.algorithm() + " expected " + expected.value() + ", got "
                    + actual + "); it was not kept. Check EMBEDDING_MODEL_SHA256 and EMBEDDING_MODEL_HUB_URL.");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.accept("Downloaded embedding model " + source.repo() + ": " + file + " (" + megabytes(received) + ", "
                + expected.algorithm() + " verified)");
    }

    /** @param gitBlob a Git blob id: SHA-1 over {@code "blob <size>\0"} and the bytes */
    private record Checksum(String algorithm, String value, boolean gitBlob, long size) {

        MessageDigest digest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private Checksum expectedChecksum(String file) throws IOException, InterruptedException {
        if (file.equals(FILES.getFirst()) && source.modelSha256() != null && !source.modelSha256().isBlank()) {
            return new Checksum("SHA-256", source.modelSha256().strip(), false, -1);
        }
        int slash = file.lastIndexOf('/');
        String folder = slash < 0 ? "" : "/" + file.substring(0, slash);
        URI listing = URI.create(base() + "/api/models/" + source.repo() + "/tree/" + encode(source.revision()) + folder);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(listing).timeout(source.timeout())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + listing + " answered " + response.statusCode());
        }
        for (JsonNode entry : JSON.readTree(response.body())) {
            if (file.equals(entry.path("path").asText())) {
                JsonNode lfs = entry.path("lfs");
                if (lfs.hasNonNull("oid")) {
                    return new Checksum("SHA-256", lfs.path("oid").asText(), false, lfs.path("size").asLong(-1));
                }
                if (entry.hasNonNull("oid") && entry.hasNonNull("size")) {
                    return new Checksum("SHA-1", entry.path("oid").asText(), true, entry.path("size").asLong());
                }
            }
        }
        throw new IllegalStateException("The model hub's listing of " + source.repo() + " at " + source.revision()
                + " has no checksum for " + file + "; without one the file is not downloaded");
    }

    private String base() {
        String hub = source.hub().toString();
        return hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String describe(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
