package io.ankirag.application.rag;

import io.ankirag.application.port.in.rag.RagStatusQuery;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.SearchCardIndexPort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import io.ankirag.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

public class RagStatusService implements RagStatusQuery {

    private final EmbedTextsPort configured;
    private final SearchIndexModelsPort models;
    private final SearchCardIndexPort index;
    private final EmbeddingLanguages languages;

    public RagStatusService(EmbedTextsPort configured, SearchIndexModelsPort models, SearchCardIndexPort index,
                            EmbeddingLanguages languages) {
        this.configured = configured;
        this.models = models;
        this.index = index;
        this.languages = languages;
    }

    @Override
    public RagStatus status(UserId caller) {
        EmbeddingModelInfo serving = models.models().serving();
        Map<String, Long> perLanguage = new LinkedHashMap<>();
        for (TextLanguage language : TextLanguage.values()) {
            perLanguage.put(language.code(), 0L);
        }
        index.cardsPerLanguage(caller).forEach((language, cards) -> perLanguage.put(language.code(), cards));
        return new RagStatus(active(configured.model()), serving == null ? active(configured.model()) : active(serving),
                models.progress().stream()
                        .map(model -> new ModelCoverage(ServingEmbedder.name(model.model()),
                                model.state().name().toLowerCase(Locale.ROOT), model.cards(), model.embedded(),
                                model.cards() == 0 ? 1.0 : (double) model.embedded() / model.cards()))
                        .toList(),
                perLanguage);
    }

    private ActiveModel active(EmbeddingModelInfo model) {
        return new ActiveModel(ServingEmbedder.name(model), model.provider(), model.name(), model.dimensions(),
                languages.languages(model), languages.multilingual(model));
    }
}
