package io.ankirag.application.port.in.generation;

import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.generation.Difficulty;
import io.ankirag.domain.generation.GenerationJobId;
import io.ankirag.domain.generation.GenerationStatus;
import io.ankirag.domain.prompt.PromptId;
import io.ankirag.domain.prompt.PromptVersionId;
import io.ankirag.domain.user.UserId;
import java.time.Instant;

/**
 * A generation job as the read model holds it.
 *
 * @param message          the latest progress message, empty before the first
 * @param cardsCreated     draft cards made so far
 * @param candidatesFailed candidates of the model that could not become cards
 * @param errorCode        why the job failed; {@code null} unless failed
 */
public record GenerationJobView(
        GenerationJobId id,
        UserId ownerId,
        GenerationStatus status,
        String topic,
        int numCards,
        DeckId deckId,
        PromptId promptId,
        PromptVersionId promptVersionId,
        String language,
        Difficulty difficulty,
        boolean factCheck,
        boolean includeSources,
        String message,
        int cardsCreated,
        int duplicatesDropped,
        int candidatesFailed,
        int runs,
        ErrorCode errorCode,
        String errorMessage,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** 0 to 100: the share of the asked-for cards made, 100 once the job is finished whatever it made. */
    public int progressPercent() {
        if (status.finished()) {
            return 100;
        }
        return Math.min(100, cardsCreated * 100 / numCards);
    }
}
