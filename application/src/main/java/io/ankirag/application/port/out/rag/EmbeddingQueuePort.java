package io.ankirag.application.port.out.rag;

import io.ankirag.application.port.out.embedding.EmbedTextsPort.EmbeddingModelInfo;
import io.ankirag.domain.card.CardId;
import java.time.Duration;
import java.util.List;

/**
 * Cards waiting for their vector under a model: the search index's projection queues a card whenever its text
 * has no vector yet (created, edited, or a model being built), and workers embed the queue in batches outside
 * any transaction. Several workers, in one instance or many, share the queue without taking the same card.
 */
public interface EmbeddingQueuePort {

    /** @param attempts how often embedding this card has failed so far */
    record QueuedText(CardId card, String text, int attempts) {
    }

    /**
     * Texts held by one worker until it stores or parks them (or, if it dies, until a lease of some minutes runs
     * out and they are due again).
     *
     * @param token opaque to the caller
     */
    record Claim(EmbeddingModelInfo model, String token, List<QueuedText> texts) {

        public Claim {
            texts = List.copyOf(texts);
        }

        /** The same claim over some of its texts, to store or park them apart. */
        public Claim of(List<QueuedText> part) {
            return new Claim(model, token, part);
        }
    }

    /** A failed card is due again after {@code first · 2^(attempts − 1)}, at most {@code max}. */
    record Backoff(Duration first, Duration max) {
    }

    /**
     * Claims up to {@code limit} due texts of {@code model}: those never tried first, then those that failed
     * least often, oldest first.
     *
     * @return a claim with no texts when none is due
     */
    Claim claim(EmbeddingModelInfo model, int limit);

    /**
     * Writes the vectors (one per text of {@code claim}, in order) and takes the cards off the queue. A card
     * whose text changed or that left the index since it was claimed keeps (or loses) its queue entry as the
     * change says: its vector is not written.
     */
    void store(Claim claim, List<float[]> vectors);

    /** Puts the texts back, each with {@code error}, one attempt more and due again after {@code backoff}. */
    void park(Claim claim, String error, Backoff backoff);

    /**
     * Waits until cards may have been queued (this instance's projection says so at once; other instances' work
     * shows after at most {@code patience}).
     */
    void awaitQueued(Duration patience) throws InterruptedException;
}
