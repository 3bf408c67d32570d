package io.ankirag.adapter.out.persistence.library;

import io.ankirag.domain.deck.DeckId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Card-count changes per deck gathered over one batch of events, written as one update per deck. */
final class DeckCountDeltas {

    private final Map<UUID, Long> deltas = new LinkedHashMap<>();

    DeckCountDeltas add(DeckId deck, long delta) {
        deltas.merge(deck.value(), delta, Long::sum);
        return this;
    }

    void flush(Jdbi jdbi) {
        if (deltas.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("UPDATE decks SET cards_count = cards_count + :delta WHERE id = :deck");
            deltas.forEach((deck, delta) -> batch.bind("deck", deck).bind("delta", delta).add());
            batch.execute();
        });
        deltas.clear();
    }
}
