package io.ankirag.adapter.in.rest.health;

import io.ankirag.application.port.in.health.ServiceSettingsQuery;
import io.ankirag.application.port.in.health.ServiceSettingsQuery.AnkiSetting;
import io.ankirag.application.port.in.health.ServiceSettingsQuery.EmbeddingSetting;
import io.ankirag.application.port.in.health.ServiceSettingsQuery.ServiceSettings;
import io.ankirag.application.port.out.llm.LanguageModelSettingsPort.ModelSetting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The settings page's view of the installation: which models are configured and working, without keys (the LLM URLs are not shown; AnkiConnect's, usually a local address, is). */
@RestController
@Tag(name = "System")
class ServiceSettingsController {

    record ModelResponse(String provider, String model, boolean configured,
                         @Schema(description = "the environment variable to set when not configured") String missingSetting) {
    }

    record EmbeddingResponse(@Schema(description = "provider/name/dimensions") String model, String servingModel,
                             @Schema(description = "ok, indexing or failing") String status, long pending, long failed,
                             String lastError) {
    }

    record AnkiResponse(@Schema(description = "where the server reaches AnkiConnect, without the key") String url,
                        boolean reachable, @Schema(description = "the add-on's protocol version") Integer version,
                        @Schema(description = "SYNC_001 not reachable, SYNC_003 add-on too old, SYNC_004 access refused")
                        String problemCode, String problem) {
    }

    record ServiceSettingsResponse(ModelResponse llm, ModelResponse factCheck, EmbeddingResponse embedding,
                                   AnkiResponse anki) {
    }

    private final ServiceSettingsQuery settings;

    ServiceSettingsController(ServiceSettingsQuery settings) {
        this.settings = settings;
    }

    @GetMapping("/api/settings/health")
    @Operation(summary = "The chat model, fact-checker and embedding model this installation uses, and whether they work")
    ServiceSettingsResponse health() {
        ServiceSettings current = settings.settings();
        EmbeddingSetting embedding = current.embedding();
        AnkiSetting anki = current.anki();
        return new ServiceSettingsResponse(model(current.chatModel()), model(current.factChecker()),
                new EmbeddingResponse(embedding.model(), embedding.servingModel(), embedding.state().name().toLowerCase(Locale.ROOT),
                        embedding.pending(), embedding.failed(), embedding.lastError()),
                new AnkiResponse(anki.url(), anki.reachable(), anki.version(), anki.problemCode(), anki.problem()));
    }

    private static ModelResponse model(ModelSetting setting) {
        return new ModelResponse(setting.provider(), setting.model(), setting.configured(), setting.missingSetting());
    }
}
