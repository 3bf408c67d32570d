package io.ankirag.application.rag;

import io.ankirag.application.fakes.MutableClock;
import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.application.port.out.rag.EmbeddingQueuePort;
import io.ankirag.application.port.out.rag.SearchIndexModelsPort;
import io.ankirag.domain.card.CardId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The index's models, rows and queue in memory, by the rules the Jdbi adapters keep, with a clock the test moves.
 * The projection's part is {@link #cardIndexed}: it queues the card's text for every active model.
 */
final class InMemorySearchIndex implements SearchIndexModelsPort, EmbeddingQueuePort {

    static final Duration LEASE = Duration.ofMinutes(10);

    static final class Entry {
        final String text;
        int attempts;
        String error;
        Instant due;
        String claim;

        Entry(String text, Instant due) {
            this.text = text;
            this.due = due;
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final Map<EmbeddingModelInfo, ModelState> states = new LinkedHashMap<>();
    final Map<CardId, String> texts = new LinkedHashMap<>();
    final Map<EmbeddingModelInfo, Map<CardId, float[]>> vectors = new LinkedHashMap<>();
    final Map<EmbeddingModelInfo, Map<CardId, Entry>> queue = new LinkedHashMap<>();

    void cardIndexed(CardId card, String text) {
        texts.put(card, text);
        for (EmbeddingModelInfo model : active()) {
            queue.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(card, new Entry(text, clock.instant()));
        }
    }

    Entry entry(EmbeddingModelInfo model, CardId card) {
        return queue.getOrDefault(model, Map.of()).get(card);
    }

    @Override
    public IndexModels register(EmbeddingModelInfo wanted) {
        ModelState state = states.getOrDefault(wanted, ModelState.RETIRED);
        if (models().serving() == null) {
            states.put(wanted, ModelState.SERVING);
        } else if (state == ModelState.SERVING) {
            states.replaceAll((model, s) -> s == ModelState.BUILDING ? ModelState.RETIRED : s);
        } else if (state == ModelState.RETIRED) {
            states.replaceAll((model, s) -> s == ModelState.BUILDING ? ModelState.RETIRED : s);
            states.put(wanted, ModelState.BUILDING);
            texts.forEach((card, text) ->
                    queue.computeIfAbsent(wanted, m -> new LinkedHashMap<>()).put(card, new Entry(text, clock.instant())));
        }
        dropRetired();
        return models();
    }

    @Override
    public IndexModels models() {
        EmbeddingModelInfo serving = null;
        EmbeddingModelInfo building = null;
        for (var state : states.entrySet()) {
            if (state.getValue() == ModelState.SERVING) {
                serving = state.getKey();
            } else if (state.getValue() == ModelState.BUILDING) {
                building = state.getKey();
            }
        }
        return new IndexModels(serving, building);
    }

    @Override
    public boolean serveIfComplete(EmbeddingModelInfo model) {
        if (states.get(model) == ModelState.BUILDING && queue.getOrDefault(model, Map.of()).isEmpty()) {
            states.replaceAll((m, s) -> s == ModelState.SERVING ? ModelState.RETIRED : s);
            states.put(model, ModelState.SERVING);
            dropRetired();
        }
        return states.get(model) == ModelState.SERVING;
    }

    @Override
    public List<ModelProgress> progress() {
        List<ModelProgress> progress = new ArrayList<>();
        for (EmbeddingModelInfo model : active()) {
            Map<CardId, Entry> queued = queue.getOrDefault(model, Map.of());
            progress.add(new ModelProgress(model, states.get(model), texts.size(), vectors.getOrDefault(model, Map.of()).size(),
                    queued.values().stream().filter(e -> e.attempts == 0).count(),
                    queued.values().stream().filter(e -> e.attempts > 0).count(),
                    queued.values().stream().filter(e -> e.error != null).map(e -> e.error).findFirst().orElse(null)));
        }
        return progress;
    }

    @Override
    public Claim claim(EmbeddingModelInfo model, int limit) {
        String token = UUID.randomUUID().toString();
        List<QueuedText> claimed = new ArrayList<>();
        queue.getOrDefault(model, Map.of()).entrySet().stream()
                .filter(e -> !e.getValue().due.isAfter(clock.instant()))
                .sorted(Comparator.comparing((Map.Entry<CardId, Entry> e) -> e.getValue().attempts).thenComparing(e -> e.getValue().due))
                .limit(limit)
                .forEach(e -> {
                    e.getValue().claim = token;
                    e.getValue().due = clock.instant().plus(LEASE);
                    claimed.add(new QueuedText(e.getKey(), e.getValue().text, e.getValue().attempts));
                });
        return new Claim(model, token, claimed);
    }

    @Override
    public void store(Claim claim, List<float[]> embedded) {
        for (int i = 0; i < embedded.size(); i++) {
            QueuedText text = claim.texts().get(i);
            if (text.text().equals(texts.get(text.card())) && states.get(claim.model()) != ModelState.RETIRED) {
                vectors.computeIfAbsent(claim.model(), m -> new LinkedHashMap<>()).put(text.card(), embedded.get(i));
            }
            Map<CardId, Entry> queued = queue.getOrDefault(claim.model(), Map.of());
            Entry entry = queued.get(text.card());
            if (entry != null && entry.text.equals(text.text())) {
                queued.remove(text.card());
            }
        }
    }

    @Override
    public void park(Claim claim, String error, Backoff backoff) {
        for (QueuedText text : claim.texts()) {
            Entry entry = entry(claim.model(), text.card());
            if (entry != null && claim.token().equals(entry.claim)) {
                long pause = Math.min(backoff.max().toMillis(), backoff.first().toMillis() << Math.min(entry.attempts, 40));
                entry.attempts++;
                entry.error = error;
                entry.claim = null;
                entry.due = clock.instant().plusMillis(pause);
            }
        }
    }

    @Override
    public void awaitQueued(Duration patience) {
    }

    private List<EmbeddingModelInfo> active() {
        IndexModels models = models();
        List<EmbeddingModelInfo> active = new ArrayList<>();
        if (models.serving() != null) {
            active.add(models.serving());
        }
        if (models.building() != null) {
            active.add(models.building());
        }
        return active;
    }

    private void dropRetired() {
        states.forEach((model, state) -> {
            if (state == ModelState.RETIRED) {
                vectors.remove(model);
                queue.remove(model);
            }
        });
    }
}
