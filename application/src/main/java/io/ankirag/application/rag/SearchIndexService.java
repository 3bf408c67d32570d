package io.ankirag.application.rag;

import io.ankirag.application.port.in.rag.EmbedQueuedCardsUseCase;
import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingPurpose;
import io.ankirag.application.port.out.embedding.FindEmbedderPort;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort.Backoff;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort.Claim;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort.QueuedText;
import io.ankirag.application.port.out.rag.RebuildSearchIndexPort;
import io.ankirag.application.port.out.rag.RebuildSearchIndexPort.IndexPosition;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort.IndexModels;
import io.ankirag.domain.error.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the search index: its projection (replayed on demand) and its vectors. The cards the projection queued are
 * embedded one batch per model and call, outside any transaction (the embedding port's contract). A batch the model refuses is parked with the error and retried after a pause
 * that doubles with every failure, so a model that is down costs a few calls per pause, not one per card; and
 * since a single bad text fails its whole batch, cards that failed before are retried in ever smaller batches
 * (a quarter of the size per earlier failure), until a text that always fails is tried alone and stops holding
 * back the others.
 */
public class SearchIndexService implements EmbedQueuedCardsUseCase, RebuildSearchIndexUseCase {

    /** @param batchSize cards claimed and embedded per call ({@code EMBEDDING_BATCH_SIZE}) */
    public record Settings(int batchSize, Backoff backoff) {

        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("EMBEDDING_BATCH_SIZE must be positive, got " + batchSize);
            }
        }
    }

    private final EmbedTextsPort configured;
    private final FindEmbedderPort embedders;
    private final SearchIndexModelsPort models;
    private final EmbeddingQueuePort queue;
    private final RebuildSearchIndexPort projection;
    private final Settings settings;

    public SearchIndexService(EmbedTextsPort configured, FindEmbedderPort embedders, SearchIndexModelsPort models,
                              EmbeddingQueuePort queue, RebuildSearchIndexPort projection, Settings settings) {
        this.configured = configured;
        this.embedders = embedders;
        this.models = models;
        this.queue = queue;
        this.projection = projection;
        this.settings = settings;
    }

    @Override
    public void registerConfiguredModel() {
        models.register(configured.model());
    }

    @Override
    public int embedNextBatch() {
        IndexModels index = models.models();
        int handled = 0;
        // The serving model first: cards created during a switch should be found without waiting for it.
        if (index.serving() != null) {
            handled += embedBatch(index.serving());
        }
        if (index.building() != null) {
            int built = embedBatch(index.building());
            if (built == 0) {
                models.serveIfComplete(index.building());
            }
            handled += built;
        }
        return handled;
    }

    @Override
    public void awaitQueuedCards(Duration patience) throws InterruptedException {
        queue.awaitQueued(patience);
    }

    @Override
    public SearchIndexProgress rebuildIndex() {
        projection.rebuild();
        return indexProgress();
    }

    @Override
    public SearchIndexProgress indexProgress() {
        IndexPosition position = projection.position();
        List<ModelProgress> progress = models.progress().stream()
                .map(model -> new ModelProgress(ServingEmbedder.name(model.model()), model.state().name().toLowerCase(Locale.ROOT),
                        model.cards(), model.embedded(), model.pending(), model.failed(), model.lastError()))
                .toList();
        IndexModels index = models.models();
        return new SearchIndexProgress(ServingEmbedder.name(configured.model()),
                index.serving() == null ? null : ServingEmbedder.name(index.serving()),
                position.rebuilding(), position.position(), position.head(),
                progress.stream().mapToLong(ModelProgress::pending).sum(),
                progress.stream().mapToLong(ModelProgress::failed).sum(), progress);
    }

    private int embedBatch(EmbeddingModelInfo model) {
        Optional<EmbedTextsPort> embedder = embedders.embedderFor(model);
        if (embedder.isEmpty()) {
            return 0; // queued cards wait for an instance that can reach the model, or are dropped with it
        }
        Claim claim = queue.claim(model, settings.batchSize());
        List<QueuedText> texts = claim.texts();
        int size = partSize(texts.stream().mapToInt(QueuedText::attempts).max().orElse(0));
        for (int from = 0; from < texts.size(); from += size) {
            Claim part = claim.of(texts.subList(from, Math.min(texts.size(), from + size)));
            List<float[]> vectors;
            try {
                vectors = embedder.get().embed(part.texts().stream().map(QueuedText::text).toList(), EmbeddingPurpose.DOCUMENT);
            } catch (DomainException failed) {
                queue.park(part, failed.getMessage(), settings.backoff());
                continue;
            } catch (RuntimeException unexpected) {
                queue.park(part, unexpected.toString(), settings.backoff());
                continue;
            }
            queue.store(part, vectors);
        }
        return texts.size();
    }

    /** The batch size after {@code failures} failures: a quarter per failure, down to one. */
    int partSize(int failures) {
        int shift = Math.min(2 * failures, 30);
        return Math.max(1, settings.batchSize() >> shift);
    }
}
