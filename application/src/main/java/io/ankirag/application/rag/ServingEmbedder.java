package io.ankirag.application.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/**
 * The model whose vectors answer searches, with an embedder for it: queries and candidates must be embedded by the
 * model they are compared with. That is the configured model, except while a newly configured one is being built
 * and the previous one still serves.
 */
public class ServingEmbedder {

    public record Serving(EmbeddingModelInfo model, EmbedTextsPort embedder) {
    }

    private final SearchIndexModelsPort models;
    private final FindEmbedderPort embedders;
    private final EmbedTextsPort configured;

    public ServingEmbedder(SearchIndexModelsPort models, FindEmbedderPort embedders, EmbedTextsPort configured) {
        this.models = models;
        this.embedders = embedders;
        this.configured = configured;
    }

    /** @throws DomainException {@code RAG_001} when the serving model is not the configured one and cannot be reached */
    public Serving current() {
        EmbeddingModelInfo serving = models.models().serving();
        if (serving == null || serving.equals(configured.model())) {
            return new Serving(configured.model(), configured);
        }
        EmbedTextsPort embedder = embedders.embedderFor(serving).orElseThrow(() -> new DomainException(ErrorCode.RAG_001,
                "searches use the vectors of " + name(serving) + " until those of " + name(configured.model())
                        + " are complete, and this instance cannot reach " + name(serving)));
        return new Serving(serving, embedder);
    }

    static String name(EmbeddingModelInfo model) {
        return model.provider() + "/" + model.name() + "/" + model.dimensions();
    }
}
