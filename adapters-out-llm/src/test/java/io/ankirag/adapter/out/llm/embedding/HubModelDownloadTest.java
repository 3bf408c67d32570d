package io.ankirag.adapter.out.llm.embedding;

import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.DOCUMENT;
import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download of a named model against a local server laid out like a Hugging Face hub (file listings with
 * checksums, {@code resolve} URLs), serving the built-in all-MiniLM-L6-v2-q's own ONNX file and tokenizer as if
 * they were a repository's.
 */
class HubModelDownloadTest {

    private static byte[] onnx;
    private static byte[] tokenizer;

    @TempDir
    Path models;

    private HttpServer hub;
    private final Map<String, String> listings = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void readBundledModel() throws IOException {
        onnx = resource("/all-minilm-l6-v2-q.onnx");
        tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.stop(0);
        }
    }

    @Test
    void downloadsTheFilesOnceVerifiesThemAndTheModelEmbedsWithE5Conventions() throws Exception {
        startHub(sha256(onnx), gitBlobSha1(tokenizer));
        Path directory = models.resolve("test--tiny-e5-model");

        new HubModelDownload(source(null), progress::add).into(directory);

        assertThat(directory.resolve("onnx/model.onnx")).hasBinaryContent(onnx);
        assertThat(directory.resolve("tokenizer.json")).hasBinaryContent(tokenizer);
        assertThat(progress).anyMatch(line -> line.contains("Downloading embedding model test/tiny-e5-model: onnx/model.onnx"))
                .anyMatch(line -> line.contains("onnx/model.onnx") && line.contains("SHA-256 verified"))
                .anyMatch(line -> line.contains("tokenizer.json") && line.contains("SHA-1 verified"));
        assertThat(downloads).hasValue(2);

        new HubModelDownload(source(null), progress::add).into(directory);
        assertThat(downloads).as("a complete directory is used as it is").hasValue(2);

        // Named like an e5 model: "query: " and "passage: " go in front, mean pooling, unit length.
        OnnxInProcessEmbedder e5 = OnnxInProcessEmbedder.fromDirectory(directory, "tiny-e5-model", PoolingMode.MEAN, 384, 10);
        OnnxInProcessEmbedder plain = OnnxInProcessEmbedder.builtIn("all-minilm-l6-v2-q", 384, 10);
        float[] query = e5.embed(List.of("Какой органоид вырабатывает энергию?"), QUERY).getFirst();
        float[] passage = e5.embed(List.of("Митохондрия"), DOCUMENT).getFirst();
        assertThat(query).containsExactly(plain.embed(List.of("query: Какой органоид вырабатывает энергию?"), DOCUMENT).getFirst(),
                within(1e-6f));
        assertThat(passage).containsExactly(plain.embed(List.of("passage: Митохондрия"), DOCUMENT).getFirst(), within(1e-6f));
        assertThat(dot(query, query)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumIsRefusedAndNotKept() throws Exception {
        startHub("0".repeat(64), gitBlobSha1(tokenizer));
        Path directory = models.resolve("mismatch");

        assertThatThrownBy(() -> new HubModelDownload(source(null), progress::add).into(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test/tiny-e5-model/onnx/model.onnx")
                .hasMessageContaining("does not match its checksum")
                .hasMessageContaining("it was not kept");
        assertThat(directory.resolve("onnx/model.onnx")).doesNotExist();
        assertThat(directory.resolve("onnx/model.onnx.part")).doesNotExist();
    }

    @Test
    void aPinnedChecksumOverridesTheListing() throws Exception {
        startHub(sha256(onnx), gitBlobSha1(tokenizer));

        assertThatThrownBy(() -> new HubModelDownload(source("ab".repeat(32)), progress::add).into(models.resolve("pinned")))
                .hasMessageContaining("SHA-256 expected " + "ab".repeat(32));
    }

    @Test
    void anUnreachableHubStopsWithAMessageThatSaysWhatToDo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HubModelDownload.Source nowhere = new HubModelDownload.Source(URI.create("http://127.0.0.1:" + closed),
                "intfloat/multilingual-e5-small", "main", null, Duration.ofSeconds(2));
        Path directory = models.resolve("intfloat--multilingual-e5-small");

        assertThatThrownBy(() -> new HubModelDownload(nowhere, progress::add).into(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot download the embedding model intfloat/multilingual-e5-small from http://127.0.0.1:" + closed)
                .hasMessageContaining("onnx/model.onnx and tokenizer.json into " + directory)
                .hasMessageContaining("EMBEDDING_MODEL_DIR")
                .hasMessageContaining("unset EMBEDDING_MODEL_REPO");
    }

    @Test
    void aRepositoryIsOwnerSlashName() {
        assertThatThrownBy(() -> new HubModelDownload.Source(URI.create("http://hub"), "../etc", "main", null, Duration.ofSeconds(1)))
                .hasMessageContaining("EMBEDDING_MODEL_REPO must be owner/name");
        assertThat(new HubModelDownload.Source(URI.create("http://hub"), "intfloat/Multilingual-E5-Small", "main", null,
                Duration.ofSeconds(1)).modelName()).isEqualTo("multilingual-e5-small");
    }

    private HubModelDownload.Source source(String pin) {
        return new HubModelDownload.Source(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()), "test/tiny-e5-model",
                "main", pin, Duration.ofSeconds(10));
    }

    /** Listings as the hub answers them: LFS files carry their SHA-256, small files their Git blob id. */
    private void startHub(String onnxSha256, String tokenizerBlob) throws IOException {
        listings.put("/api/models/test/tiny-e5-model/tree/main/onnx", """
                [{"type":"file","path":"onnx/model.onnx","size":%d,"oid":"0123","lfs":{"oid":"%s","size":%d,"pointerSize":134}}]
                """.formatted(onnx.length, onnxSha256, onnx.length));
        listings.put("/api/models/test/tiny-e5-model/tree/main", """
                [{"type":"directory","path":"onnx","oid":"4567","size":0},
                 {"type":"file","path":"tokenizer.json","size":%d,"oid":"%s"}]
                """.formatted(tokenizer.length, tokenizerBlob));
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (listings.containsKey(path)) {
                body = listings.get(path).getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/test/tiny-e5-model/resolve/main/onnx/model.onnx")) {
                downloads.incrementAndGet();
                body = onnx;
            } else if (path.equals("/test/tiny-e5-model/resolve/main/tokenizer.json")) {
                downloads.incrementAndGet();
                body = tokenizer;
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String gitBlobSha1(byte[] bytes) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(bytes));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
