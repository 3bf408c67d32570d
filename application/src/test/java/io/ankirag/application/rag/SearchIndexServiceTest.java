package io.ankirag.application.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.port.in.rag.RebuildSearchIndexUseCase.SearchIndexProgress;
import io.ankirag.application.port.out.embedding.EmbedTextsPort;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort.Backoff;
import io.ankirag.application.port.out.rag.RebuildSearchIndexPort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort.ModelState;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchIndexServiceTest {

    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    final InMemorySearchIndex index = new InMemorySearchIndex();
    final RecordingEmbedder minilm = new RecordingEmbedder("minilm");
    final RecordingEmbedder e5 = new RecordingEmbedder("e5");
    final Map<EmbeddingModelInfo, EmbedTextsPort> reachable = new HashMap<>(Map.of(minilm.model(), minilm, e5.model(), e5));

    SearchIndexService service(EmbedTextsPort configured, int batchSize) {
        return new SearchIndexService(configured, model -> Optional.ofNullable(reachable.get(model)), index, index,
                new CaughtUpProjection(), new SearchIndexService.Settings(batchSize, BACKOFF));
    }

    @Test
    void queuedCardsAreEmbeddedInBatchesOfTheConfiguredSize() {
        SearchIndexService service = service(minilm, 100);
        service.registerConfiguredModel();
        List<CardId> cards = cards(250);

        drain(service);

        assertThat(minilm.callSizes()).containsExactly(100, 100, 50);
        assertThat(index.vectors.get(minilm.model())).containsOnlyKeys(cards);
        assertThat(service.indexProgress().caughtUp()).isTrue();
        assertThat(service.embedNextBatch()).isZero();
    }

    @Test
    void aBatchTheModelRefusesIsParkedWithItsErrorAndRetriedAfterAPauseThatDoubles() {
        SearchIndexService service = service(minilm, 100);
        service.registerConfiguredModel();
        CardId card = cards(1).getFirst();
        minilm.refuses = text -> true;

        assertThat(service.embedNextBatch()).isEqualTo(1);

        SearchIndexProgress progress = service.indexProgress();
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.pending()).isZero();
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.models().getFirst().lastError()).contains("HTTP 503");
        assertThat(service.embedNextBatch()).as("not due before its pause").isZero();
        assertThat(index.entry(minilm.model(), card).due).isEqualTo(index.clock.instant().plusSeconds(10));

        index.clock.advance(Duration.ofSeconds(10));
        service.embedNextBatch();
        assertThat(index.entry(minilm.model(), card).attempts).isEqualTo(2);
        assertThat(index.entry(minilm.model(), card).due).isEqualTo(index.clock.instant().plusSeconds(20));

        minilm.refuses = text -> false;
        index.clock.advance(Duration.ofSeconds(20));
        assertThat(service.embedNextBatch()).isEqualTo(1);
        assertThat(index.vectors.get(minilm.model())).containsOnlyKeys(card);
        assertThat(service.indexProgress().caughtUp()).isTrue();
    }

    @Test
    void pausesStopGrowingAtTheMaximum() {
        SearchIndexService service = service(minilm, 100);
        service.registerConfiguredModel();
        CardId card = cards(1).getFirst();
        minilm.refuses = text -> true;

        for (int i = 0; i < 12; i++) {
            service.embedNextBatch();
            index.clock.advance(Duration.ofHours(1));
        }

        var entry = index.entry(minilm.model(), card);
        assertThat(entry.attempts).isEqualTo(12);
        assertThat(Duration.between(index.clock.instant().minus(Duration.ofHours(1)), entry.due)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aTextThatAlwaysFailsEndsUpTriedAloneAndStopsHoldingBackTheOthers() {
        SearchIndexService service = service(minilm, 16);
        service.registerConfiguredModel();
        List<CardId> cards = cards(15);
        CardId poison = card("poison");
        minilm.refuses = text -> text.equals("poison");

        for (int round = 0; round < 6; round++) {
            drain(service);
            index.clock.advance(BACKOFF.max());
        }

        assertThat(index.vectors.get(minilm.model())).containsOnlyKeys(cards);
        assertThat(index.entry(minilm.model(), poison).attempts).isGreaterThanOrEqualTo(3);
        assertThat(minilm.calls.getLast()).containsExactly("poison");
        assertThat(service.indexProgress().failed()).isEqualTo(1);
    }

    @Test
    void failedBatchesAreRetriedInSmallerParts() {
        SearchIndexService service = service(minilm, 100);

        assertThat(service.partSize(0)).isEqualTo(100);
        assertThat(service.partSize(1)).isEqualTo(25);
        assertThat(service.partSize(2)).isEqualTo(6);
        assertThat(service.partSize(3)).isEqualTo(1);
        assertThat(service.partSize(100)).isEqualTo(1);
    }

    @Test
    void aNewlyConfiguredModelIsBuiltBesideTheServingOneWhichKeepsAnsweringUntilItIsComplete() {
        SearchIndexService before = service(minilm, 100);
        before.registerConfiguredModel();
        List<CardId> cards = cards(30);
        drain(before);

        SearchIndexService after = service(e5, 20);
        after.registerConfiguredModel();
        ServingEmbedder serving = new ServingEmbedder(index, model -> Optional.ofNullable(reachable.get(model)), e5);

        assertThat(index.models().serving()).isEqualTo(minilm.model());
        assertThat(index.models().building()).isEqualTo(e5.model());
        assertThat(serving.current().embedder()).isSameAs(minilm);
        assertThat(after.indexProgress().caughtUp()).isFalse();
        assertThat(after.indexProgress().servingModel()).isEqualTo("test/minilm/2");

        after.embedNextBatch();
        assertThat(index.vectors.get(e5.model())).hasSize(20);
        assertThat(serving.current().model()).as("not complete yet").isEqualTo(minilm.model());

        after.embedNextBatch();
        assertThat(after.embedNextBatch()).isZero();

        assertThat(index.models().serving()).isEqualTo(e5.model());
        assertThat(index.states.get(minilm.model())).isEqualTo(ModelState.RETIRED);
        assertThat(index.vectors).doesNotContainKey(minilm.model());
        assertThat(index.vectors.get(e5.model())).containsOnlyKeys(cards);
        assertThat(serving.current().embedder()).isSameAs(e5);
        assertThat(after.indexProgress().caughtUp()).isTrue();
    }

    @Test
    void cardsAddedDuringASwitchAreEmbeddedForTheServingModelFirst() {
        SearchIndexService before = service(minilm, 100);
        before.registerConfiguredModel();
        cards(5);
        drain(before);
        SearchIndexService after = service(e5, 100);
        after.registerConfiguredModel();
        e5.refuses = text -> true; // the new model is down: it cannot complete

        CardId added = card("added during the switch");
        after.embedNextBatch();

        assertThat(minilm.calls.getLast()).containsExactly("added during the switch");
        assertThat(index.vectors.get(minilm.model())).containsKey(added);
        assertThat(index.models().serving()).as("a model with failures is not complete").isEqualTo(minilm.model());
    }

    @Test
    void aServingModelThisInstanceCannotReachLeavesSearchesWithAClearErrorAndItsQueueWaiting() {
        SearchIndexService before = service(minilm, 100);
        before.registerConfiguredModel();
        drain(before);
        reachable.remove(minilm.model());
        SearchIndexService after = service(e5, 100);
        after.registerConfiguredModel();
        CardId added = card("added");

        after.embedNextBatch();

        assertThat(index.entry(minilm.model(), added)).isNotNull();
        assertThat(minilm.calls).isEmpty();
        ServingEmbedder serving = new ServingEmbedder(index, model -> Optional.ofNullable(reachable.get(model)), e5);
        assertThatThrownBy(serving::current).isInstanceOf(DomainException.class)
                .hasMessageContaining("test/minilm/2").extracting("code").isEqualTo(ErrorCode.RAG_001);
    }

    @Test
    void registeringTheServingModelAgainChangesNothing() {
        SearchIndexService service = service(minilm, 100);
        service.registerConfiguredModel();
        cards(3);
        drain(service);

        service.registerConfiguredModel();

        assertThat(index.models().building()).isNull();
        assertThat(service.embedNextBatch()).isZero();
    }

    @Test
    void configuringTheServingModelAgainBeforeASwitchCompletesDropsTheModelBeingBuilt() {
        SearchIndexService first = service(minilm, 100);
        first.registerConfiguredModel();
        cards(3);
        drain(first);
        service(e5, 100).registerConfiguredModel();

        SearchIndexService back = service(minilm, 100);
        back.registerConfiguredModel();
        drain(back);

        assertThat(index.models().building()).isNull();
        assertThat(index.models().serving()).isEqualTo(minilm.model());
        assertThat(e5.calls).isEmpty();
        assertThat(back.indexProgress().caughtUp()).isTrue();
    }

    private void drain(SearchIndexService service) {
        for (int rounds = 0; rounds < 1000 && service.embedNextBatch() > 0; rounds++) {
            // until nothing is due
        }
    }

    private List<CardId> cards(int count) {
        List<CardId> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cards.add(card("card " + i));
        }
        return cards;
    }

    private CardId card(String text) {
        CardId card = new CardId(UUID.randomUUID());
        index.cardIndexed(card, text);
        return card;
    }

    private static final class CaughtUpProjection implements RebuildSearchIndexPort {

        @Override
        public void rebuild() {
        }

        @Override
        public IndexPosition position() {
            return new IndexPosition(false, 10, 10);
        }
    }
}
