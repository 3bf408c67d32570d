package io.ankirag.application.health;

import io.ankirag.application.port.in.health.ServiceSettingsQuery;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.ModelProgress;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.SearchIndexProgress;
import io.ankirag.application.port.out.llm.LanguageModelSettingsPort;
import java.util.Objects;

public class ServiceSettingsService implements ServiceSettingsQuery {

    private final LanguageModelSettingsPort models;
    private final RebuildSearchIndexUseCase index;

    public ServiceSettingsService(LanguageModelSettingsPort models, RebuildSearchIndexUseCase index) {
        this.models = models;
        this.index = index;
    }

    @Override
    public ServiceSettings settings() {
        SearchIndexProgress progress = index.indexProgress();
        IndexState state = progress.failed() > 0 ? IndexState.FAILING : progress.caughtUp() ? IndexState.OK : IndexState.INDEXING;
        String lastError = progress.models().stream().map(ModelProgress::lastError).filter(Objects::nonNull).findFirst().orElse(null);
        return new ServiceSettings(models.chatModel(), models.factChecker(), new EmbeddingSetting(progress.model(),
                progress.servingModel(), state, progress.pending(), progress.failed(), lastError));
    }
}
