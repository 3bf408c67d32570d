package io.ankirag.adapter.out.llm.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Embeds in this JVM with ONNX Runtime: no network, no model download. The default model,
 * all-MiniLM-L6-v2 quantised (384 dimensions, English), ships inside langchain4j's jar; any other BERT-style
 * sentence-embedding model (multilingual-e5-small, say) comes as a directory holding its ONNX export and
 * {@code tokenizer.json} ({@code EMBEDDING_MODEL_DIR}).
 *
 * <p>langchain4j embeds each text on its own (no padding), spread over a pool of one thread per core, so a text's
 * vector does not depend on the batch it came in; texts longer than the model's 512 tokens are embedded in parts
 * and averaged.
 */
final class OnnxInProcessEmbedder implements EmbedTextsPort {

    static final String PROVIDER = "onnx";
    /** The built-in model's name in configuration. */
    static final String ALL_MINILM_L6_V2_Q = "all-minilm-l6-v2-q";

    private final EmbeddingModel model;
    private final EmbeddingModelInfo info;
    private final InstructionPrefixes prefixes;
    private final int batchSize;

    private OnnxInProcessEmbedder(EmbeddingModel model, String name, int expectedDimensions, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("EMBEDDING_BATCH_SIZE must be positive, got " + batchSize);
        }
        this.model = model;
        this.prefixes = InstructionPrefixes.forModel(name);
        this.batchSize = batchSize;
        int actual = probeDimensions(model, name);
        if (expectedDimensions != actual) {
            throw new IllegalStateException("EMBEDDING_DIMENSIONS is " + expectedDimensions + " but the ONNX model "
                    + name + " gives vectors of " + actual + " dimensions");
        }
        this.info = new EmbeddingModelInfo(PROVIDER, name, actual);
    }

    /** A model that ships in a jar on the class path: only {@value #ALL_MINILM_L6_V2_Q} for now. */
    static OnnxInProcessEmbedder builtIn(String name, int dimensions, int batchSize) {
        if (!ALL_MINILM_L6_V2_Q.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("EMBEDDING_MODEL " + name + " is not built in; the built-in model is "
                    + ALL_MINILM_L6_V2_Q + ". For another ONNX model set EMBEDDING_MODEL_DIR, for a remote one "
                    + "EMBEDDING_PROVIDER=openai");
        }
        EmbeddingModel model;
        try (InputStream onnx = resource("/all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
            model = TunedOnnxModel.load(environment -> environment.createSession(onnx.readAllBytes(), TunedOnnxModel.options()),
                    tokenizer, PoolingMode.MEAN);
        } catch (IOException | OrtException unreadable) {
            throw new IllegalStateException("Cannot load the built-in model " + ALL_MINILM_L6_V2_Q + ": " + unreadable.getMessage(),
                    unreadable);
        }
        return new OnnxInProcessEmbedder(model, ALL_MINILM_L6_V2_Q, dimensions, batchSize);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    /**
     * A sentence-embedding model exported to ONNX, as Hugging Face repositories lay it out: {@code model.onnx}
     * at the top or in {@code onnx/}, and {@code tokenizer.json} at the top.
     *
     * @param name    the model's name, which also decides instruction prefixes (e5 models get
     *                {@code "query: "}/{@code "passage: "})
     * @param pooling how token vectors become one: {@code MEAN} for e5 and MiniLM, {@code CLS} for BGE
     */
    static OnnxInProcessEmbedder fromDirectory(Path directory, String name, PoolingMode pooling,
                                               int dimensions, int batchSize) {
        Path modelFile = firstExisting(directory.resolve("model.onnx"), directory.resolve("onnx").resolve("model.onnx"));
        Path tokenizer = directory.resolve("tokenizer.json");
        if (modelFile == null || !Files.isRegularFile(tokenizer)) {
            throw new IllegalStateException("EMBEDDING_MODEL_DIR " + directory + " must hold model.onnx (or "
                    + "onnx/model.onnx) and tokenizer.json");
        }
        EmbeddingModel model;
        try (InputStream tokenizerJson = Files.newInputStream(tokenizer)) {
            model = TunedOnnxModel.load(environment -> environment.createSession(modelFile.toString(), TunedOnnxModel.options()),
                    tokenizerJson, pooling);
        } catch (IOException | OrtException | RuntimeException unloadable) {
            throw new IllegalStateException("Cannot load the ONNX model in " + directory + ": " + unloadable.getMessage(),
                    unloadable);
        }
        return new OnnxInProcessEmbedder(model, name, dimensions, batchSize);
    }

    @Override
    public EmbeddingModelInfo model() {
        return info;
    }

    @Override
    public List<float[]> embed(List<String> texts, EmbeddingPurpose purpose) {
        Vectors.requireEmbeddable(texts);
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (List<String> batch : Vectors.batches(texts, batchSize)) {
            List<TextSegment> segments = batch.stream().map(text -> TextSegment.from(prefixes.apply(text, purpose))).toList();
            List<Embedding> embeddings;
            try {
                embeddings = model.embedAll(segments).content();
            } catch (RuntimeException failed) {
                throw new DomainException(ErrorCode.RAG_001, "The in-process model " + info.name() + " failed: "
                        + failed.getMessage(), failed);
            }
            if (embeddings.size() != batch.size()) {
                throw new DomainException(ErrorCode.RAG_001, "The in-process model " + info.name() + " gave "
                        + embeddings.size() + " vectors for " + batch.size() + " texts");
            }
            for (Embedding embedding : embeddings) {
                vectors.add(Vectors.normalised(embedding.vector(), info.dimensions(), "The in-process model " + info.name()));
            }
        }
        return vectors;
    }

    /**
     * langchain4j's models, with ONNX Runtime told to run each inference on one thread that does not spin while
     * idle. langchain4j already embeds one text per thread of a pool as large as the machine has cores; ONNX
     * Runtime's default adds a pool of its own per inference, spinning between operators, and the two fought for
     * the cores: on 2 cores the same texts went at about 200 per second instead of 350 to 550, and a query's
     * embedding had a long tail when anything else ran.
     */
    private static final class TunedOnnxModel extends AbstractInProcessEmbeddingModel {

        interface SessionFactory {
            OrtSession create(OrtEnvironment environment) throws OrtException, IOException;
        }

        private final OnnxBertBiEncoder encoder;

        private TunedOnnxModel(OnnxBertBiEncoder encoder, Executor executor) {
            super(executor);
            this.encoder = encoder;
        }

        static TunedOnnxModel load(SessionFactory session, InputStream tokenizer, PoolingMode pooling)
                throws OrtException, IOException {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session.create(environment), tokenizer, pooling);
            int threads = Runtime.getRuntime().availableProcessors();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    Thread.ofPlatform().name("onnx-embedding-", 1).daemon().factory());
            pool.allowCoreThreadTimeOut(true);
            return new TunedOnnxModel(encoder, pool);
        }

        static OrtSession.SessionOptions options() throws OrtException {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return options;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    private static int probeDimensions(EmbeddingModel model, String name) {
        try {
            return model.embed("dimension probe").content().dimension();
        } catch (RuntimeException failed) {
            throw new IllegalStateException("The ONNX model " + name + " cannot embed: " + failed.getMessage(), failed);
        }
    }

    private static Path firstExisting(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
