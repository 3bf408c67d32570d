package io.ankirag.adapter.out.llm.embedding;

import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.DOCUMENT;
import static io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real quantised all-MiniLM-L6-v2 from langchain4j's jar: these tests compute actual embeddings. */
class OnnxInProcessEmbedderTest {

    private static OnnxInProcessEmbedder embedder;

    @BeforeAll
    static void loadModel() {
        embedder = OnnxInProcessEmbedder.builtIn("all-MiniLM-L6-v2-q", 384, 100);
    }

    @Test
    void describesTheBuiltInModel() {
        assertThat(embedder.model()).isEqualTo(new EmbeddingModelInfo("onnx", "all-minilm-l6-v2-q", 384));
    }

    @Test
    void givesOneUnitLengthVectorOf384DimensionsPerTextInOrder() {
        List<float[]> vectors = embedder.embed(List.of("What is the capital of France?", "Mitochondria make ATP."), DOCUMENT);

        assertThat(vectors).hasSize(2).allSatisfy(vector -> {
            assertThat(vector).hasSize(384);
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-5));
        });
        assertThat(dot(vectors.get(0), vectors.get(1))).isLessThan(0.5);
    }

    @Test
    void scoresSimilarSentencesHigherThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of(
                "The mitochondria is the powerhouse of the cell.",
                "Mitochondria produce most of the cell's energy supply.",
                "The French Revolution began in 1789."), DOCUMENT);

        double similar = dot(v.get(0), v.get(1));
        double unrelated = dot(v.get(0), v.get(2));
        assertThat(similar).isGreaterThan(0.6).isGreaterThan(unrelated + 0.4);
    }

    @Test
    void findsTheMatchingCardForAQuestion() {
        float[] query = embedder.embed(List.of("Which organelle produces energy?"), QUERY).getFirst();
        List<float[]> cards = embedder.embed(List.of(
                "Front: Capital of Italy? Back: Rome",
                "Front: Powerhouse of the cell? Back: The mitochondrion, which makes ATP",
                "Front: Year the Berlin Wall fell? Back: 1989"), DOCUMENT);

        List<Double> scores = cards.stream().map(card -> dot(query, card)).toList();
        assertThat(scores.indexOf(scores.stream().max(Double::compare).orElseThrow())).isEqualTo(1);
    }

    @Test
    void vectorsDoNotDependOnTheBatchTheyCameIn() {
        List<String> texts = IntStream.range(0, 100).mapToObj(i -> "Card number " + i + " about topic " + (i % 7)).toList();
        OnnxInProcessEmbedder oneAtATime = OnnxInProcessEmbedder.builtIn(OnnxInProcessEmbedder.ALL_MINILM_L6_V2_Q, 384, 1);

        List<float[]> inOneBatch = embedder.embed(texts, DOCUMENT);
        List<float[]> singly = oneAtATime.embed(texts, DOCUMENT);

        assertThat(inOneBatch).hasSize(100);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(inOneBatch.get(i)).containsExactly(singly.get(i), within(1e-5f));
        }
    }

    @Test
    void miniLmTakesQueriesAndDocumentsAlike() {
        float[] query = embedder.embed(List.of("photosynthesis"), QUERY).getFirst();
        float[] document = embedder.embed(List.of("photosynthesis"), DOCUMENT).getFirst();

        assertThat(query).containsExactly(document, within(1e-6f));
    }

    @Test
    void answersAnEmptyListWithoutWork() {
        assertThat(embedder.embed(List.of(), QUERY)).isEmpty();
    }

    @Test
    void refusesABlankTextWithRag001() {
        assertThatThrownBy(() -> embedder.embed(List.of("fine", "  "), DOCUMENT))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RAG_001);
                    assertThat(e.detail()).contains("Text 1 is blank");
                });
    }

    @Test
    void refusesAModelThatIsNotBuiltIn() {
        assertThatThrownBy(() -> OnnxInProcessEmbedder.builtIn("multilingual-e5-large", 1024, 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMBEDDING_MODEL_DIR");
    }

    /** A directory model: the built-in model's own files, copied out of the jar the way a user lays out e5. */
    static Path modelDirectory(Path root) throws IOException {
        Path directory = Files.createDirectories(root.resolve("model"));
        copyResource("all-minilm-l6-v2-q.onnx", directory.resolve("model.onnx"));
        copyResource("all-minilm-l6-v2-q-tokenizer.json", directory.resolve("tokenizer.json"));
        return directory;
    }

    @Test
    void loadsAModelFromADirectory(@TempDir Path root) throws IOException {
        OnnxInProcessEmbedder fromDirectory = OnnxInProcessEmbedder.fromDirectory(modelDirectory(root), "my-minilm",
                PoolingMode.MEAN, 384, 16);

        assertThat(fromDirectory.model()).isEqualTo(new EmbeddingModelInfo("onnx", "my-minilm", 384));
        assertThat(fromDirectory.embed(List.of("Rome is the capital of Italy."), DOCUMENT).getFirst())
                .containsExactly(embedder.embed(List.of("Rome is the capital of Italy."), DOCUMENT).getFirst(), within(1e-5f));
    }

    @Test
    void prefixesQueriesAndPassagesForAnE5Model(@TempDir Path root) throws IOException {
        OnnxInProcessEmbedder e5 = OnnxInProcessEmbedder.fromDirectory(modelDirectory(root), "multilingual-e5-small",
                PoolingMode.MEAN, 384, 16);

        float[] query = e5.embed(List.of("capital of Italy"), QUERY).getFirst();
        float[] document = e5.embed(List.of("capital of Italy"), DOCUMENT).getFirst();

        assertThat(query).containsExactly(embedder.embed(List.of("query: capital of Italy"), DOCUMENT).getFirst(), within(1e-5f));
        assertThat(document).containsExactly(embedder.embed(List.of("passage: capital of Italy"), DOCUMENT).getFirst(), within(1e-5f));
    }

    @Test
    void refusesADirectoryModelWhoseDimensionsDifferFromTheConfiguredOnes(@TempDir Path root) throws IOException {
        Path directory = modelDirectory(root);

        assertThatThrownBy(() -> OnnxInProcessEmbedder.fromDirectory(directory, "my-minilm", PoolingMode.MEAN, 1024, 16))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EMBEDDING_DIMENSIONS is 1024 but the ONNX model my-minilm gives vectors of 384 dimensions");
    }

    @Test
    void refusesADirectoryWithoutAModel(@TempDir Path root) {
        assertThatThrownBy(() -> OnnxInProcessEmbedder.fromDirectory(root, "nothing", PoolingMode.MEAN, 384, 16))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must hold model.onnx");
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = OnnxInProcessEmbedderTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            Files.copy(in, target);
        }
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
