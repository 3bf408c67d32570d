package io.ankirag.application.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A model of two dimensions that records every call and fails, as the port says, any call with a text it is told to refuse. */
final class RecordingEmbedder implements EmbedTextsPort {

    private final EmbeddingModelInfo model;
    final List<List<String>> calls = new ArrayList<>();
    Predicate<String> refuses = text -> false;

    RecordingEmbedder(String name) {
        this.model = new EmbeddingModelInfo("test", name, 2);
    }

    @Override
    public EmbeddingModelInfo model() {
        return model;
    }

    @Override
    public List<float[]> embed(List<String> texts, EmbeddingPurpose purpose) {
        calls.add(List.copyOf(texts));
        for (String text : texts) {
            if (refuses.test(text)) {
                throw new DomainException(ErrorCode.RAG_001, "Embedding endpoint answered HTTP 503 for '" + text + "'");
            }
        }
        return texts.stream().map(text -> new float[] {1, text.length()}).toList();
    }

    List<Integer> callSizes() {
        return calls.stream().map(List::size).toList();
    }
}
