package io.ankirag.adapter.out.llm.embedding;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Not a test: raw in-process throughput of the built-in model, in sentences per second, for card-sized texts
 * in batches of 32. Run from the repository root after {@code mvn -pl adapters-out-llm -am test-compile}:
 * <pre>
 * mvn -q -pl adapters-out-llm dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp adapters-out-llm/target/test-classes:adapters-out-llm/target/classes:application/target/classes:domain/target/classes:$(cat /tmp/cp.txt) \
 *      io.ankirag.adapter.out.llm.embedding.OnnxThroughput [texts]
 * </pre>
 */
final class OnnxThroughput {

    private static final int BATCH = 32;

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        String[] subjects = {"mitochondria", "the French Revolution", "photosynthesis", "Newton's second law",
                "the Krebs cycle", "Bayes' theorem", "the Treaty of Versailles", "TCP's three-way handshake"};
        List<String> texts = IntStream.range(0, count).mapToObj(i -> "Front: What is the role of "
                + subjects[i % subjects.length] + " (card " + i + ")? Back: A short answer of about a dozen words.").toList();
        OnnxInProcessEmbedder embedder = OnnxInProcessEmbedder.builtIn(OnnxInProcessEmbedder.ALL_MINILM_L6_V2_Q, 384, BATCH);

        embedder.embed(texts.subList(0, Math.min(256, count)), EmbeddingPurpose.DOCUMENT);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            embedder.embed(texts.subList(from, Math.min(count, from + BATCH)), EmbeddingPurpose.DOCUMENT);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d texts in batches of %d on %d cores: %.2f s, %.0f sentences/s%n",
                count, BATCH, Runtime.getRuntime().availableProcessors(), seconds, count / seconds);
    }
}
