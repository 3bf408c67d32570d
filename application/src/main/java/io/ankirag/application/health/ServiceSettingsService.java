package io.ankirag.application.health;

import io.ankirag.application.port.in.health.ServiceSettingsQuery;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.ModelProgress;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.SearchIndexProgress;
import io.ankirag.application.port.out.anki.AnkiConnectPort;
import io.ankirag.application.port.out.llm.LanguageModelSettingsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class ServiceSettingsService implements ServiceSettingsQuery {

    /** The protocol version the sync needs ({@code AnkiConnectPort}'s contract). */
    static final int ANKI_CONNECT_VERSION = 6;

    private final LanguageModelSettingsPort models;
    private final RebuildSearchIndexUseCase index;
    private final AnkiConnectPort anki;
    private final Duration ankiTimeout;

    /** @param ankiTimeout how long the page waits for Anki's answer before calling it not reachable */
    public ServiceSettingsService(LanguageModelSettingsPort models, RebuildSearchIndexUseCase index, AnkiConnectPort anki,
                                  Duration ankiTimeout) {
        this.models = models;
        this.index = index;
        this.anki = anki;
        this.ankiTimeout = ankiTimeout;
    }

    @Override
    public ServiceSettings settings() {
        CompletableFuture<AnkiSetting> ankiSetting = CompletableFuture.supplyAsync(this::askAnki,
                command -> Thread.ofVirtual().name("anki-health").start(command));
        SearchIndexProgress progress = index.indexProgress();
        IndexState state = progress.failed() > 0 ? IndexState.FAILING : progress.caughtUp() ? IndexState.OK : IndexState.INDEXING;
        String lastError = progress.models().stream().map(ModelProgress::lastError).filter(Objects::nonNull).findFirst().orElse(null);
        return new ServiceSettings(models.chatModel(), models.factChecker(), new EmbeddingSetting(progress.model(),
                progress.servingModel(), state, progress.pending(), progress.failed(), lastError), await(ankiSetting));
    }

    private AnkiSetting askAnki() {
        String url = withoutSecrets(anki.url());
        try {
            int version = anki.version();
            return version < ANKI_CONNECT_VERSION
                    ? new AnkiSetting(url, true, version, ErrorCode.SYNC_003.name(), "AnkiConnect speaks version " + version
                            + "; version " + ANKI_CONNECT_VERSION + " or later is needed")
                    : new AnkiSetting(url, true, version, null, null);
        } catch (DomainException failed) {
            return new AnkiSetting(url, failed.code() != ErrorCode.SYNC_001, null, failed.code().name(), failed.detail());
        } catch (RuntimeException failed) {
            return new AnkiSetting(url, false, null, ErrorCode.SYNC_001.name(), failed.getMessage());
        }
    }

    private AnkiSetting await(CompletableFuture<AnkiSetting> answer) {
        try {
            return answer.get(ankiTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            return new AnkiSetting(withoutSecrets(anki.url()), false, null, ErrorCode.SYNC_001.name(),
                    "Anki did not answer within " + ankiTimeout.toMillis() + " ms");
        } catch (ExecutionException | InterruptedException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new AnkiSetting(withoutSecrets(anki.url()), false, null, ErrorCode.SYNC_001.name(), "Anki could not be asked");
        }
    }

    /** Scheme, host, port and path: never user info, a query or a fragment. */
    static String withoutSecrets(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException unreadable) {
            return "(unreadable URL)";
        }
    }
}
